import Foundation
import WeakTies

// Load the example study: every rule of the data contract is applied.
let study = try StudyLoader.load(ties: ["Examples/krefeld-mg/ties.csv"],
                                 nodes: "Examples/krefeld-mg/nodes.csv")
print("\(study.actors.count) actors, \(study.ties.count) ties from \(study.mentions.count) coded mentions")
print("\(study.innovationCount) innovations, \(study.partnerCount) partners, \(study.weakTieCount) weak ties")
