/// The SVG elements of each layer of a chart, drawn back to front: grid, bands, curves,
/// then the frame and text on top.
extension LineChart {
    /// Grid lines at every tick of both axes, with the tick labels outside the plot.
    func gridElements(in area: PlotArea) -> [String] {
        let bottom = area.top + area.height
        let right = area.left + area.width
        var elements: [String] = []
        for tick in area.xAxis.ticks {
            let x = ChartValue.coordinate(area.position(x: tick, y: area.yAxis.lower).x)
            elements.append(line(x1: x, y1: ChartValue.coordinate(area.top), x2: x, y2: ChartValue.coordinate(bottom)))
            elements.append(SVGElement.make("text", [
                "class": "tick-label", "x": x, "y": ChartValue.coordinate(bottom + 18),
                "text-anchor": "middle", "fill": "#444444",
            ], text: area.xAxis.label(for: tick)))
        }
        for tick in area.yAxis.ticks {
            let pixelY = area.position(x: area.xAxis.lower, y: tick).y
            let y = ChartValue.coordinate(pixelY)
            elements.append(line(x1: ChartValue.coordinate(area.left), y1: y, x2: ChartValue.coordinate(right), y2: y))
            elements.append(SVGElement.make("text", [
                "class": "tick-label", "x": ChartValue.coordinate(area.left - 8), "y": ChartValue.coordinate(pixelY + 4),
                "text-anchor": "end", "fill": "#444444",
            ], text: area.yAxis.label(for: tick)))
        }
        return elements
    }

    /// The filled area between the band's upper edge (left to right) and its lower edge (back),
    /// if the series has a band with at least two drawable columns.
    func bandElements(of series: ChartSeries, in area: PlotArea) -> [String] {
        let columns = series.plottableBand
        guard columns.count >= 2 else { return [] }
        let upper = columns.map { area.position(x: $0.x, y: $0.upper) }
        let lower = columns.reversed().map { area.position(x: $0.x, y: $0.lower) }
        return [SVGElement.make("path", [
            "class": "band", "d": pathData(upper + lower) + " Z",
            "fill": SVGElement.tint(series.color), "stroke": "none",
        ])]
    }

    /// The series' line, one path through its drawable points, and its markers.
    func curveElements(of series: ChartSeries, in area: PlotArea) -> [String] {
        let points = series.plottablePoints.map { area.position(x: $0.x, y: $0.y) }
        guard let first = points.first else { return [] }
        let color = SVGElement.hex(series.color)
        // A lone point becomes a zero-length segment, so it still draws as a round-capped dot.
        let path = SVGElement.make("path", [
            "class": "curve", "d": pathData(points.count == 1 ? [first, first] : points),
            "fill": "none", "stroke": color, "stroke-width": "2",
            "stroke-linejoin": "round", "stroke-linecap": "round",
            "stroke-dasharray": series.lineStyle == .dashed ? "7 4" : "none",
        ])
        guard series.showsMarkers || points.count == 1 else { return [path] }
        return [path] + points.map { point in
            SVGElement.make("circle", [
                "class": "marker", "cx": ChartValue.coordinate(point.x), "cy": ChartValue.coordinate(point.y),
                "r": "3.5", "fill": color, "stroke": "#ffffff", "stroke-width": "1",
            ])
        }
    }

    /// The plot frame, the title, the axis labels, and a "no data" note if nothing was drawable;
    /// texts too long for their room are shortened with "…".
    func frameAndLabelElements(in area: PlotArea, canvasWidth: Double) -> [String] {
        let centreX = ChartValue.coordinate(area.left + area.width / 2)
        let centreY = ChartValue.coordinate(area.top + area.height / 2)
        var elements = [SVGElement.make("rect", [
            "class": "frame", "x": ChartValue.coordinate(area.left), "y": ChartValue.coordinate(area.top),
            "width": ChartValue.coordinate(area.width), "height": ChartValue.coordinate(area.height),
            "fill": "none", "stroke": "#333333", "stroke-width": "1",
        ])]
        if !title.isEmpty {
            // Over the plot's centre, shifted (and shortened) as needed to stay in the image.
            let text = SVGElement.shortened(title, toCharacters: Int((canvasWidth - 16) / 10))
            let halfWidth = Double(text.count) * 5 + 8
            let x = min(max(area.left + area.width / 2, halfWidth), canvasWidth - halfWidth)
            elements.append(SVGElement.make("text", [
                "class": "title", "x": ChartValue.coordinate(x), "y": ChartValue.coordinate(area.top - 16),
                "text-anchor": "middle", "font-size": "16", "font-weight": "bold", "fill": "#222222",
            ], text: text))
        }
        if !xLabel.isEmpty {
            elements.append(SVGElement.make("text", [
                "class": "x-label", "x": centreX, "y": ChartValue.coordinate(area.top + area.height + 42),
                "text-anchor": "middle", "font-size": "13", "fill": "#222222",
            ], text: SVGElement.shortened(xLabel, toCharacters: Int(area.width / 8))))
        }
        if !yLabel.isEmpty {
            elements.append(SVGElement.make("text", [
                "class": "y-label", "transform": "translate(18 \(centreY)) rotate(-90)",
                "text-anchor": "middle", "font-size": "13", "fill": "#222222",
            ], text: SVGElement.shortened(yLabel, toCharacters: Int(area.height / 8))))
        }
        if series.allSatisfy({ $0.plottablePoints.isEmpty }) {
            elements.append(SVGElement.make("text", [
                "class": "no-data", "x": centreX, "y": centreY,
                "text-anchor": "middle", "fill": "#888888",
            ], text: "no data"))
        }
        return elements
    }

    /// A light grid line from (`x1`, `y1`) to (`x2`, `y2`).
    private func line(x1: String, y1: String, x2: String, y2: String) -> String {
        SVGElement.make("line", [
            "class": "grid", "x1": x1, "y1": y1, "x2": x2, "y2": y2, "stroke": "#e3e3e3", "stroke-width": "1",
        ])
    }

    /// SVG path data visiting `points` in order: a move to the first, lines to the rest.
    private func pathData(_ points: [(x: Double, y: Double)]) -> String {
        points.enumerated().map { index, point in
            "\(index == 0 ? "M" : "L") \(ChartValue.coordinate(point.x)) \(ChartValue.coordinate(point.y))"
        }.joined(separator: " ")
    }
}
