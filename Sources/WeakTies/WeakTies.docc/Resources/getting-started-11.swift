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

print("\nBrokers of the weak-tie network (betweenness there, and in the whole network):")
for v in weakBetweenness.top(5) {
    print(weakOnly.actors[v].label, String(format: "%.3f", weakBetweenness[v]), String(format: "%.3f", betweenness[v]))
}
let granovetter = metrics.granovetter
print("\(granovetter.weakBridges) of \(granovetter.bridges) bridges are weak ties")

// One innovation, found by its id or label (case and accents ignored), and its profile.
let cracau = try ActorLookup(study: study).find("repair cafe cracau")
let profiles = try InnovationProfiles(metrics: metrics)
let profile = profiles.profile(of: cracau)
print("\n\(profile.label): \(profile.tieCount) ties, \(profile.weakTies) of them weak;",
      "weak-tie share \(String(format: "%.2f", profile.weakTieShare)),",
      "E-I index by region \(String(format: "%.2f", profile.openness.eiRegion)),",
      "constraint \(String(format: "%.3f", profile.openness.constraint))")
for suggestion in profile.tiesToStrengthen {
    print("  strengthen the tie to", study.actors[suggestion.partner].label, suggestion.reasons.joined(separator: ", "))
}
for suggestion in profile.partnersToMeet {
    print("  meet", study.actors[suggestion.partner].label, suggestion.reasons.joined(separator: ", "))
}

// What a new weak tie to each of the three best candidates would change.
let matching = try Matching(metrics: metrics)
for candidate in matching.candidates(for: cracau, limit: 3) {
    let introducers = candidate.introducers.map { study.actors[$0.actor].label }
    print("  \(study.actors[candidate.partner].label): score \(String(format: "%.2f", candidate.score)),",
          "constraint \(String(format: "%.3f", candidate.constraintBefore)) → \(String(format: "%.3f", candidate.constraintAfter)),",
          "\(candidate.reachGained) actors newly within two steps,",
          "introduced by \(introducers.isEmpty ? "nobody yet" : introducers.joined(separator: ", "))")
}

// Write the results: the network for Gephi and other tools, the metrics table, the report.
try ExportFormat.graphml.write(study, to: "krefeld-mg.graphml")
