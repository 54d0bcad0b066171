import Agents

#if SDL
import Rendering

/// The evaluation returns so far against steps, drawn as a small raster chart.
struct EvaluationPanel {
    let width: Int
    let height: Int

    func draw(_ evaluations: [EvaluationRecord]) -> Frame {
        var canvas = Canvas(width: width, height: height, background: RGB(248, 248, 248))
        let (left, right, top, bottom) = (36.0, Double(width) - 10, 24.0, Double(height) - 22)
        canvas.drawText("evaluation return", at: Point(left, 8), color: RGB(40, 40, 40))
        canvas.drawLine(from: Point(left, top), to: Point(left, bottom), color: RGB(120, 120, 120))
        canvas.drawLine(from: Point(left, bottom), to: Point(right, bottom), color: RGB(120, 120, 120))
        guard let last = evaluations.last else { return canvas.frame }
        let returns = evaluations.map(\.result.meanReturn)
        let low = min(0, returns.min() ?? 0), high = max(returns.max() ?? 1, low + 1e-9)
        let steps = Double(max(last.timesteps, 1))
        let points = evaluations.map { record -> Point in
            let x: Double = left + (right - left) * Double(record.timesteps) / steps
            let y: Double = bottom - (bottom - top) * (record.result.meanReturn - low) / (high - low)
            return Point(x, y)
        }
        canvas.drawPolyline(points, width: 2, color: RGB(31, 119, 180), antialiased: true)
        for point in points { canvas.fillCircle(centre: point, radius: 3, color: RGB(255, 127, 14), antialiased: true) }
        canvas.drawText(TrainingProgress.format(high), at: Point(2, top - 3), color: RGB(40, 40, 40))
        canvas.drawText(TrainingProgress.format(low), at: Point(2, bottom - 3), color: RGB(40, 40, 40))
        canvas.drawText("\(last.timesteps) steps", at: Point(right - 6 * Double("\(last.timesteps) steps".count), bottom + 8), color: RGB(40, 40, 40))
        return canvas.frame
    }
}
#endif
