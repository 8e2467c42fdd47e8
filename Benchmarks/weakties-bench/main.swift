// Times the import of a ties table in-process (release build): parse, decode, intern, aggregate.
// Usage: weakties-bench import <ties.csv> [repetitions]
import Foundation
import WeakTies

let args = Array(CommandLine.arguments.dropFirst())
guard args.count >= 2, args[0] == "import" else {
    print("usage: weakties-bench import <ties.csv> [repetitions]")
    exit(64)
}
let repetitions = args.count > 2 ? Int(args[2]) ?? 3 : 3
var best = Double.infinity
for _ in 0..<repetitions {
    let start = DispatchTime.now().uptimeNanoseconds
    let study = try StudyLoader.load(ties: [args[1]])
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    best = min(best, seconds)
    print(String(format: "import %@: %d mentions → %d ties, %d actors in %.3f s", args[1], study.mentions.count,
                 study.ties.count, study.actors.count, seconds))
}
print(String(format: "best: %.3f s", best))
