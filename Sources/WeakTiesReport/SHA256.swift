import Foundation

/// SHA-256 (FIPS 180-4), for the checksums of a report's `run.json`. The system's libcrypto where it
/// has one (`SystemSHA256`), else the small portable code here: Foundation on Linux has no CryptoKit,
/// and swift-crypto would add a minute to every clean build for one hash. Both checked against the FIPS
/// test vectors, and against each other, in the tests.
public enum SHA256 {
    static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    /// The digest of `bytes` as 64 lower-case hex digits. - Complexity: O(n).
    public static func hex<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        if let system = SystemSHA256.function, let digest = bytes.withContiguousStorageIfAvailable({ buffer -> String in
            var out = [UInt8](repeating: 0, count: 32)
            _ = out.withUnsafeMutableBufferPointer { system(buffer.baseAddress, buffer.count, $0.baseAddress) }
            return hexDigits(out)
        }) {
            return digest
        }
        return portableHex(bytes)
    }

    /// 32 bytes as 64 lower-case hex digits.
    static func hexDigits(_ digest: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in digest { out.append(digits[Int(byte >> 4)]); out.append(digits[Int(byte & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// The digest computed here, without the system's library (where it has none, and in the tests).
    static func portableHex<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var h: [UInt32] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
        let count = bytes.count
        // Whole blocks straight from contiguous storage (one copy where the collection has none).
        let full = count / 64 * 64
        let tailStart: [UInt8]
        if let done = bytes.withContiguousStorageIfAvailable({ buffer -> [UInt8] in
            compress(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(buffer)[0..<full]), into: &h)
            return Array(buffer[full...])
        }) {
            tailStart = done
        } else {
            let copy = Array(bytes)
            copy.withUnsafeBytes { compress(UnsafeRawBufferPointer(rebasing: $0[0..<full]), into: &h) }
            tailStart = Array(copy[full...])
        }
        // The last bytes, the 0x80 marker, zeros and the bit length: one or two more blocks.
        var tail = tailStart
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        let bitLength = UInt64(count) * 8
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        tail.withUnsafeBytes { compress($0, into: &h) }
        return h.map { word in
            let s = String(word, radix: 16)
            return String(repeating: "0", count: 8 - s.count) + s
        }.joined()
    }

    /// Runs the compression function over whole 64-byte blocks.
    static func compress(_ blocks: UnsafeRawBufferPointer, into state: inout [UInt32]) {
        var w = [UInt32](repeating: 0, count: 64)
        @inline(__always) func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
        var (h0, h1, h2, h3, h4, h5, h6, h7) = (state[0], state[1], state[2], state[3], state[4], state[5], state[6], state[7])
        k.withUnsafeBufferPointer { k in
            w.withUnsafeMutableBufferPointer { w in
                var offset = 0
                while offset + 64 <= blocks.count {
                    for i in 0..<16 {
                        let j = offset + 4 * i
                        w[i] = UInt32(blocks[j]) << 24 | UInt32(blocks[j + 1]) << 16 | UInt32(blocks[j + 2]) << 8 | UInt32(blocks[j + 3])
                    }
                    for i in 16..<64 {
                        let s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3)
                        let s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10)
                        w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
                    }
                    var (a, b, c, d, e, f, g, hh) = (h0, h1, h2, h3, h4, h5, h6, h7)
                    for i in 0..<64 {
                        let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
                        let ch = (e & f) ^ (~e & g)
                        let t1 = hh &+ s1 &+ ch &+ k[i] &+ w[i]
                        let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
                        let maj = (a & b) ^ (a & c) ^ (b & c)
                        let t2 = s0 &+ maj
                        hh = g; g = f; f = e; e = d &+ t1; d = c; c = b; b = a; a = t1 &+ t2
                    }
                    h0 = h0 &+ a; h1 = h1 &+ b; h2 = h2 &+ c; h3 = h3 &+ d
                    h4 = h4 &+ e; h5 = h5 &+ f; h6 = h6 &+ g; h7 = h7 &+ hh
                    offset += 64
                }
            }
        }
        state = [h0, h1, h2, h3, h4, h5, h6, h7]
    }
}

/// OpenSSL's `SHA256` from the system's libcrypto, where it has one (loaded at run time: nothing to
/// link or build, and the portable code above where it is missing). It uses the processor's SHA
/// instructions: the 155 MB of the regional model's report hashed for `run.json` took 0.43 s on two
/// cores with the portable code, the whole manifest 0.07 s with this (of a 10 s report). Same digests: the tests
/// compare both on random inputs of every length around the block size.
enum SystemSHA256 {
    typealias Function = @convention(c) (UnsafePointer<UInt8>?, Int, UnsafeMutablePointer<UInt8>?) -> UnsafeMutablePointer<UInt8>?
    static let function: Function? = {
        #if os(Linux)
        for name in ["libcrypto.so.3", "libcrypto.so"] {
            guard let library = dlopen(name, RTLD_NOW | RTLD_LOCAL) else { continue }
            if let symbol = dlsym(library, "SHA256") { return unsafeBitCast(symbol, to: Function.self) }
            dlclose(library)
        }
        #endif
        return nil
    }()
}
