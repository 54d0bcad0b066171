import Foundation

/// Where a new run (or `--seeds` group) goes: never a folder that already holds anything, so
/// a new run cannot overwrite or mix with an old one's files.
enum NewRunFolder {
    /// The folder `--out` names, when it is missing or empty, made here (its parent must exist,
    /// as for `mkdir`) and checked to be writable before training starts.
    ///
    /// - Throws: ``CommandError`` naming the folder and a file it holds, a missing parent, or
    ///   why the folder cannot be made or written.
    static func claim(_ url: URL) throws -> URL {
        if let contents = try? FileManager.default.contentsOfDirectory(atPath: url.path), let first = contents.sorted().first {
            throw CommandError("\(url.path) already holds a run (\(first)); choose another --out or remove it")
        }
        let parent = url.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: parent.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw CommandError("--out \(url.path): the folder \(parent.path) does not exist; make it first")
        }
        if mkdir(url.path, 0o755) != 0, errno != EEXIST {
            throw CommandError("--out \(url.path): cannot make the folder: \(String(cString: strerror(errno)))")
        }
        guard access(url.path, W_OK) == 0 else {
            throw CommandError("--out \(url.path): cannot write into the folder: \(String(cString: strerror(errno)))")
        }
        return url
    }

    /// `runs/NAME-TIMESTAMP` (UTC, to the second), with `-2`, `-3`, ... when that folder
    /// exists; the folder is made here, one `mkdir` that fails when another process made it
    /// first, so two runs started in the same second never share one.
    ///
    /// - Throws: ``CommandError`` when `runs/` cannot be made or no name is free.
    static func create(name: String) throws -> URL {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let parent = URL(fileURLWithPath: "runs")
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw CommandError("cannot make \(parent.path): \(error.localizedDescription)")
        }
        let base = "\(name)-\(formatter.string(from: Date()))"
        for suffix in 1...1_000 {
            let candidate = parent.appendingPathComponent(suffix == 1 ? base : "\(base)-\(suffix)")
            if mkdir(candidate.path, 0o755) == 0 { return candidate }
            guard errno == EEXIST else { throw CommandError("cannot make \(candidate.path): \(String(cString: strerror(errno)))") }
        }
        throw CommandError("no free run folder name under \(parent.path) for \(base)")
    }

    /// Removes a new run's folder when a failure came before any file was written in it (an
    /// `--init-from` checkpoint that does not fit, say), so a refused run leaves nothing
    /// behind; a folder holding any file is kept as it is.
    static func removeIfNothingWritten(_ url: URL) {
        guard let paths = FileManager.default.subpaths(atPath: url.path) else { return }
        let holdsAFile = paths.contains { path in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: url.appendingPathComponent(path).path, isDirectory: &isFolder) && !isFolder.boolValue
        }
        if !holdsAFile { try? FileManager.default.removeItem(at: url) }
    }
}
