#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import TensorBoard
import Testing

@Suite("TensorBoardWriter")
struct TensorBoardWriterTests {
    @Test("the file is named like TensorFlow's and opens with a brain.Event:2 event")
    func fileNameAndFirstEvent() throws {
        let folder = SampleRun.temporaryFolder().appendingPathComponent("runs/CartPole-v1__dqn__1")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent().deletingLastPathComponent()) }
        let url = try SampleRun.write(to: folder)
        #expect(url.lastPathComponent == "events.out.tfevents.1700000000.testhost.dojo")
        #expect(url.deletingLastPathComponent().path == folder.path)
        let first = try #require(try EventFileContents(contentsOf: url).events.first)
        #expect(first.fileVersion == "brain.Event:2")
        #expect(first.wallTime == SampleRun.creationTime)
        #expect(first.step == 0)
        #expect(first.sourceMetadata.writer == "dojo.TensorBoardWriter")
    }

    @Test("every record's length and checksums hold and the scalars decode in order, rounded to Float")
    func scalarsReadBack() throws {
        let folder = SampleRun.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let contents = try EventFileContents(contentsOf: SampleRun.write(to: folder))
        #expect(contents.events.count == SampleRun.scalars.count + 1)
        #expect(contents.events.dropFirst().allSatisfy { $0.summary.value.count == 1 && !$0.hasSourceMetadata })
        let read = contents.scalars
        try #require(read.count == SampleRun.scalars.count)
        for (scalar, written) in zip(read, SampleRun.scalars) {
            #expect(scalar.tag == written.tag)
            #expect(scalar.step == Int64(written.step))
            #expect(scalar.value == Float(written.value))
            #expect(scalar.wallTime == written.wallTime)
        }
    }

    @Test("an existing event file is refused by path, never overwritten")
    func existingFileRefused() throws {
        let folder = SampleRun.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = try SampleRun.write(to: folder)
        let before = try Data(contentsOf: url)
        #expect(throws: TensorBoardError.fileNotCreated(path: url.path, reason: String(cString: strerror(EEXIST)))) {
            try TensorBoardWriter(folder: folder, creationTime: SampleRun.creationTime, hostname: "testhost", fileSuffix: ".dojo")
        }
        #expect(try Data(contentsOf: url) == before)
    }

    @Test("a folder that cannot be created is reported by path")
    func folderNotCreated() throws {
        let file = SampleRun.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: file) }
        try Data().write(to: file)
        let folder = file.appendingPathComponent("run")
        let error = try #require(throws: TensorBoardError.self) { try TensorBoardWriter(folder: folder) }
        guard case let .folderNotCreated(path, _) = error else {
            Issue.record("expected folderNotCreated, got \(error)")
            return
        }
        #expect(path == folder.path)
        #expect(error.description.contains(folder.path))
    }

    @Test("flushing syncs and closing twice is harmless")
    func flushAndCloseTwice() throws {
        let folder = SampleRun.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let writer = try TensorBoardWriter(folder: folder, creationTime: 5, hostname: "h")
        try writer.addScalar(tag: "charts/SPS", value: 1_000, step: 1, wallTime: 6)
        try writer.flush()
        #expect(try EventFileContents(contentsOf: writer.fileURL).events.count == 2)
        try writer.close()
        try writer.close()
        #expect(writer.fileURL.lastPathComponent == "events.out.tfevents.0000000005.h")
    }

    @Test("a failed write is reported, its bytes kept and written later, so no record is lost")
    func failedWriteLosesNothing() async {
        // A child process with a 300-byte file-size limit: writes past it fail with EFBIG.
        await #expect(processExitsWith: .success) {
            signal(SIGXFSZ, SIG_IGN)
            let folder = SampleRun.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let writer = try TensorBoardWriter(folder: folder, creationTime: 1, hostname: "limited")
            limitFileSize(to: 300)
            var failures: [TensorBoardError] = []
            for step in 0..<20 {
                do throws(TensorBoardError) {
                    try writer.addScalar(tag: "losses/td_loss", value: Double(step), step: step, wallTime: 2)
                } catch {
                    failures.append(error)
                }
            }
            let size = try FileManager.default.attributesOfItem(atPath: writer.fileURL.path)[.size] as? Int
            precondition(size == 300, "expected the file cut at the 300-byte limit, got \(String(describing: size))")
            precondition(!failures.isEmpty)
            for failure in failures {
                guard case let .writeFailed(path, _, unwrittenBytes) = failure, path == writer.fileURL.path, unwrittenBytes > 0 else {
                    preconditionFailure("expected writeFailed naming the file with bytes kept, got \(failure)")
                }
            }
            limitFileSize(to: nil)
            try writer.close()
            let contents = try EventFileContents(contentsOf: writer.fileURL)
            precondition(contents.scalars.map(\.step) == Array(0..<20), "expected steps 0..<20, got \(contents.scalars.map(\.step))")
        }
    }

    @Test("adding a scalar after close stops with a precondition failure")
    func addingAfterCloseStops() async {
        await #expect(processExitsWith: .failure) {
            let folder = SampleRun.temporaryFolder()
            let writer = try TensorBoardWriter(folder: folder, creationTime: 1, hostname: "closed")
            try writer.close()
            try FileManager.default.removeItem(at: folder)
            try writer.addScalar(tag: "charts/SPS", value: 1, step: 1, wallTime: 1)
        }
    }
}

/// Sets this process's file-size limit (`RLIMIT_FSIZE`) to `bytes`, or back to the hard limit
/// for `nil`.
private func limitFileSize(to bytes: Int?) {
    #if canImport(Glibc)
    let resource = __rlimit_resource_t(RLIMIT_FSIZE.rawValue)
    #else
    let resource = RLIMIT_FSIZE
    #endif
    var limit = rlimit()
    precondition(getrlimit(resource, &limit) == 0, "expected getrlimit to succeed, got errno \(errno)")
    limit.rlim_cur = bytes.map { rlim_t($0) } ?? limit.rlim_max
    precondition(setrlimit(resource, &limit) == 0, "expected setrlimit to succeed, got errno \(errno)")
}
