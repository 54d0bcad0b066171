/// The name among `candidates` closest to `name` by edit distance (insertions, deletions and
/// substitutions), for "did you mean" suggestions; `nil` when none is close enough to be a
/// likely typo (more than a third of the longer name differs).
public func closestName(to name: String, among candidates: [String]) -> String? {
    let typed = Array(name.lowercased())
    var best: (name: String, distance: Int)?
    for candidate in candidates {
        let distance = editDistance(typed, Array(candidate.lowercased()))
        if distance < best?.distance ?? .max { best = (candidate, distance) }
    }
    guard let best, best.distance <= max(2, max(typed.count, best.name.count) / 3) else { return nil }
    return best.name
}

/// Levenshtein distance with one row of memory.
private func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    guard !a.isEmpty else { return b.count }
    var row = Array(0...b.count)
    for i in 1...a.count {
        var diagonal = row[0]
        row[0] = i
        for j in stride(from: 1, through: b.count, by: 1) {
            let above = row[j]
            row[j] = min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1))
            diagonal = above
        }
    }
    return row[b.count]
}
