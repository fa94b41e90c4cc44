import Foundation

/// The JSON export: every figure as numerator, denominator, truncated percent and definition.
struct ReportJSON: Encodable {
    struct RateJSON: Encodable {
        var numerator: Int64
        var denominator: Int64
        var percent: String
        var definition: String
    }

    struct FiguresJSON: Encodable {
        var presentations: Int64
        var lookups: Int64
        var successfulLookups: Int64
        var rechecks: Int64
        var rates: [String: RateJSON]

        init(_ headline: HeadlineFigures) {
            presentations = headline.presentations
            lookups = headline.lookups
            successfulLookups = headline.successfulLookups
            rechecks = headline.rechecks
            rates = Dictionary(uniqueKeysWithValues: HeadlineFigures.Figure.allCases.map { figure in
                let rate = headline[figure]
                return (figure.rawValue, RateJSON(numerator: rate.numerator, denominator: rate.denominator,
                                                  percent: rate.percentText, definition: figure.definition))
            })
        }
    }

    struct GroupJSON: Encodable {
        var key: String
        var figures: FiguresJSON
    }

    struct FailureJSON: Encodable {
        var resultClass: String
        var resultCode: String
        var count: Int64
    }

    var from: String?
    var to: String?
    var groupedBy: String?
    var total: FiguresJSON
    var groups: [GroupJSON]
    var failures: [FailureJSON]
    var chipVerdicts: [String: Int64]
    var bySource: [String: Int64]
    var rechecksByClass: [String: Int64]
    var latency: LatencyPercentiles?
    var latencyDefinition: String
    var checkpoint: Checkpoint?
    var checkpointLine: String?

    init(_ report: StatisticsReport) {
        from = report.query.from
        to = report.query.to
        groupedBy = report.query.grouping?.rawValue
        total = FiguresJSON(report.headline)
        groups = report.groups.map { GroupJSON(key: $0.key, figures: FiguresJSON($0.headline)) }
        failures = report.failures.map { FailureJSON(resultClass: $0.kind.resultClass, resultCode: $0.kind.code, count: $0.count) }
        chipVerdicts = report.tally.chipVerdicts
        bySource = report.tally.bySource
        rechecksByClass = report.tally.rechecksByClass
        latency = report.latency
        latencyDefinition = LatencyPercentiles.definition
        checkpoint = report.checkpoint
        checkpointLine = report.checkpoint?.line
    }

    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }
}
