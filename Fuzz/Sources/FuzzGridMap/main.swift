import Environments
import FuzzSupport

// Each input is a map's text (invalid UTF-8 repaired, as a reader of text would): parsed, and
// when valid, checked to keep the limits and to read back from its own text.
runFuzzer { bytes in
    let text = String(decoding: bytes, as: UTF8.self)
    guard let map = try? GridMap(text: text) else { return }
    precondition(map.rows <= GridMap.maximumSide && map.columns <= GridMap.maximumSide && !map.starts.isEmpty)
    precondition((try? GridMap(text: map.text)) == map, "a valid map must read back from its own text")
}
