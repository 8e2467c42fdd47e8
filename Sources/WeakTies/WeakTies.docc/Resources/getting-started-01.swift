import Foundation
import WeakTies

// Load the example study: every rule of the data contract is applied.
let study = try StudyLoader.load(ties: ["Examples/krefeld-mg/ties.csv"],
                                 nodes: "Examples/krefeld-mg/nodes.csv")
