import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An SVG document read back with Foundation's XML parser, for the chart tests: every element
/// in document order with its attributes and text.
struct ParsedSVG {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text = ""

        /// The numbers in attribute `name`, such as the coordinates of a path's `d`.
        func numbers(in name: String) -> [Double] {
            (attributes[name] ?? "").split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
        }

        /// The (x, y) pairs of a path's `d` attribute.
        var pathPoints: [(x: Double, y: Double)] {
            let numbers = numbers(in: "d")
            return stride(from: 0, to: numbers.count - 1, by: 2).map { (x: numbers[$0], y: numbers[$0 + 1]) }
        }

        /// The number in attribute `name`, or NaN if there is none.
        func number(_ name: String) -> Double {
            attributes[name].flatMap(Double.init) ?? .nan
        }
    }

    struct Malformed: Error {
        var reason: String
    }

    var elements: [Element] = []

    init(_ svg: String) throws {
        let collector = Collector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = collector
        guard parser.parse() else {
            throw Malformed(reason: parser.parserError.map { "\($0)" } ?? "unknown parser error")
        }
        elements = collector.elements
    }

    /// The elements whose `class` attribute is `name`, in document order.
    func elements(ofClass name: String) -> [Element] {
        elements.filter { $0.attributes["class"] == name }
    }

    /// The text of the elements whose `class` attribute is `name`, in document order.
    func texts(ofClass name: String) -> [String] {
        elements(ofClass: name).map(\.text)
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        var open: [Int] = []

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName: String?, attributes: [String: String] = [:]
        ) {
            open.append(elements.count)
            elements.append(Element(name: elementName, attributes: attributes))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let index = open.last { elements[index].text += string }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            open.removeLast()
        }
    }
}
