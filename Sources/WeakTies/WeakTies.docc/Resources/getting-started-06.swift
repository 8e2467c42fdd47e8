import Foundation
import WeakTies

// Load the example study: every rule of the data contract is applied.
let study = try StudyLoader.load(ties: ["Examples/krefeld-mg/ties.csv"],
                                 nodes: "Examples/krefeld-mg/nodes.csv")
print("\(study.actors.count) actors, \(study.ties.count) ties from \(study.mentions.count) coded mentions")
print("\(study.innovationCount) innovations, \(study.partnerCount) partners, \(study.weakTieCount) weak ties")
for warning in study.warnings { print(warning) }

// Every number of the study, computed once on first use and kept.
let metrics = try StudyMetrics(study: study, options: .init(threads: 1))
let degree = try metrics.scores(.degree)
let betweenness = try metrics.scores(.betweennessNormalized)
let constraint = try metrics.scores(.constraint)
let effectiveSize = try metrics.scores(.effectiveSize)

print("\nBrokers of the whole network (degree, betweenness, constraint, effective size):")
for v in betweenness.top(5) {
    print(study.actors[v].label, Int(degree[v]), String(format: "%.3f", betweenness[v]),
          String(format: "%.3f", constraint[v]), String(format: "%.1f", effectiveSize[v]))
}

// The weak-tie network alone: every actor, only the weak ties.
let weakOnly = study.restricted(to: .weak)
let weakMetrics = try StudyMetrics(study: weakOnly, options: .init(threads: 1))
let weakBetweenness = try weakMetrics.scores(.betweennessNormalized)
