/// A line chart of a rate per period as inline SVG (0–100 % on the y axis), no external assets.
struct SuccessRateChart {
    var points: [(key: String, rate: Rate)]

    private let width = 720, height = 260, left = 48, right = 16, top = 16, bottom = 40

    func svg() -> String {
        let plotted = points.compactMap { point in point.rate.hundredthsOfPercent.map { (point.key, $0) } }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-label=\"lookup success rate\">\n"
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        for percent in stride(from: 0, through: 100, by: 25) {
            let y = top + plotHeight - plotHeight * percent / 100
            svg += "<line x1=\"\(left)\" y1=\"\(y)\" x2=\"\(width - right)\" y2=\"\(y)\" stroke=\"#ddd\"/>"
            svg += "<text x=\"\(left - 6)\" y=\"\(y + 4)\" font-size=\"11\" text-anchor=\"end\">\(percent)%</text>\n"
        }
        guard !plotted.isEmpty else { return svg + "</svg>\n" }
        let step = plotted.count > 1 ? Double(plotWidth) / Double(plotted.count - 1) : 0
        var coordinates: [(Int, Int)] = []
        for (index, (_, value)) in plotted.enumerated() {
            let x = left + Int(Double(index) * step)
            let y = top + plotHeight - Int(Int64(plotHeight) * value / 10_000)
            coordinates.append((x, y))
        }
        svg += "<polyline fill=\"none\" stroke=\"#1f6fb2\" stroke-width=\"2\" points=\""
        svg += coordinates.map { "\($0.0),\($0.1)" }.joined(separator: " ") + "\"/>\n"
        for ((x, y), (key, value)) in zip(coordinates, plotted) {
            svg += "<circle cx=\"\(x)\" cy=\"\(y)\" r=\"3\" fill=\"#1f6fb2\"><title>\(escape(key)): \(Rate.fixedTwo(value))%</title></circle>\n"
        }
        // Label the first and last period under the axis.
        if let first = plotted.first, let last = plotted.last, let firstX = coordinates.first?.0, let lastX = coordinates.last?.0 {
            svg += "<text x=\"\(firstX)\" y=\"\(height - 12)\" font-size=\"11\">\(escape(first.0))</text>"
            if plotted.count > 1 {
                svg += "<text x=\"\(lastX)\" y=\"\(height - 12)\" font-size=\"11\" text-anchor=\"end\">\(escape(last.0))</text>\n"
            }
        }
        return svg + "</svg>\n"
    }
}
