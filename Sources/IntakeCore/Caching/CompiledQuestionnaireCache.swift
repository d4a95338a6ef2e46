/// A checked questionnaire stored as bytes, so that `intake run` and `intake kiosk` can
/// skip YAML parsing and checking when the file has not changed (docs/performance.md).
///
/// A cache file is: the magic `SIQC`, the format version, the ``Key`` it was written
/// for, then the payload (the encoded ``Questionnaire``) in two parts, each with its CRC-32
/// and length first: the metadata, then the rest. It is used only when every part of the
/// key matches and each part has its recorded CRC, so a stale, truncated or damaged file is
/// never decoded into a wrong questionnaire: ``decode(_:key:)`` returns nil and the caller
/// parses. Two parts, so that the welcome screen, drawn from the metadata alone, waits for
/// checking a few hundred bytes instead of the whole file (``stage(_:vouchedBy:)``). (A CRC, not a
/// SHA-256: it catches every torn write and every burst of damage up to 32 bits at a
/// fifth of the cost; whoever can write the 0700 cache folder could forge any digest.)
///
/// Only the questionnaire goes in it: never answers or anything else about a patient.
public enum CompiledQuestionnaireCache {
    /// Bumped whenever the encoding changes. (A rebuilt program changes
    /// ``Key/executable`` anyway; the version also guards builds that fingerprint alike.)
    public static let formatVersion: UInt64 = 5
    static let magic: [UInt8] = Array("SIQC".utf8)

    /// What a cache file must match to be used.
    public struct Key: Hashable, Sendable {
        /// The questionnaire path as given: it is recorded in the model (provenance, locations).
        public var sourcePath: String
        /// SHA-256 (lowercase hex) of the questionnaire file's bytes: ``digest(of:)``.
        public var sourceDigest: String
        /// Identifies the program build that wrote it (e.g. device, inode, size and
        /// modification time of the executable), so any rebuild invalidates the cache.
        public var executable: String
        /// The questionnaire file's identity when it had ``sourceDigest`` (device, inode,
        /// size, modification and change times: ``SourceStat``), or empty when it was too
        /// new to vouch for its bytes. A later start whose file has the same identity uses
        /// the cache without reading and hashing the file (see ``decode(_:vouchedBy:)``).
        public var sourceStat: String

        public init(sourcePath: String, sourceDigest: String, executable: String, sourceStat: String = "") {
            self.sourcePath = sourcePath
            self.sourceDigest = sourceDigest
            self.executable = executable
            self.sourceStat = sourceStat
        }

        /// A file name for this key: one file per questionnaire path, which a new build or
        /// a new version of the file overwrites.
        public var fileName: String { CompiledQuestionnaireCache.fileName(forPath: sourcePath) }
    }

    /// The cache file name for the questionnaire at `path` (as given): 64-bit FNV-1a of
    /// the path in hex. Not SHA-256: a warm start would then set up the digest for this
    /// alone; two paths with the same name only replace each other's file (the header
    /// names the path).
    public static func fileName(forPath path: String) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in path.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex + ".qcache"
    }

    /// The SHA-256 of a questionnaire file's bytes, as the loader records it in
    /// ``Metadata/sourceDigest``.
    public static func digest(of bytes: [UInt8]) -> String {
        SourceDigest.sha256Hex(of: bytes)
    }

    /// The cache file for `questionnaire`, or nil when it cannot be cached (an imported
    /// FHIR questionnaire) or was not loaded from the file the key names.
    public static func encode(_ questionnaire: Questionnaire, key: Key) -> [UInt8]? {
        guard questionnaire.metadata.sourceDigest == key.sourceDigest,
              questionnaire.metadata.sourceFile == key.sourcePath else { return nil }
        var payload = CacheWriter()
        var metadata = CacheWriter()
        do {
            try questionnaire.write(to: &payload)
            try questionnaire.metadata.write(to: &metadata)
        } catch {
            return nil
        }
        // The payload starts with the metadata: the two parts are its prefix and the rest.
        let parts = [payload.bytes[..<metadata.bytes.count], payload.bytes[metadata.bytes.count...]]
        var file = CacheWriter()
        file.write(raw: magic)
        file.write(formatVersion)
        file.write(key.sourcePath)
        file.write(key.sourceDigest)
        file.write(key.executable)
        file.write(key.sourceStat)
        for part in parts {
            file.write(UInt64(CRC32.checksum(part)))
            file.write(UInt64(part.count))
        }
        file.write(raw: payload.bytes)
        return file.bytes
    }

    /// The questionnaire in `bytes` if they are a sound cache file for `key` (path,
    /// digest and executable; the stored file identity is not needed); nil otherwise.
    public static func decode(_ bytes: [UInt8], key: Key) -> Questionnaire? {
        decode(bytes) { stored in
            stored.sourcePath == key.sourcePath && stored.sourceDigest == key.sourceDigest && stored.executable == key.executable
        }
    }

    /// The questionnaire in `bytes` if they are a sound cache file written by this
    /// `executable` for the file at `key.sourcePath` while it had the identity
    /// `key.sourceStat` (non-empty), whatever its digest: the file has not been written
    /// since, so its bytes are the ones that were hashed and compiled.
    public static func decode(_ bytes: [UInt8], vouchedBy key: Key) -> Questionnaire? {
        stage(bytes, vouchedBy: key)?.finish()
    }

    /// The header, the key and the lengths checked as ``decode(_:vouchedBy:)`` does, and the
    /// metadata checked by its CRC and decoded: enough for a welcome screen, which `intake
    /// run` draws before checking and decoding the rest (``Staged/finish()``).
    public static func stage(_ bytes: [UInt8], vouchedBy key: Key) -> Staged? {
        guard !key.sourceStat.isEmpty else { return nil }
        return stage(bytes) { stored in
            stored.sourcePath == key.sourcePath && stored.executable == key.executable && stored.sourceStat == key.sourceStat
        }
    }

    /// A sound cache file whose metadata is decoded and whose other parts are not yet.
    public struct Staged: Sendable {
        /// The questionnaire's metadata (title, languages, introduction, ...).
        public let metadata: Metadata
        private let rest: CacheReader
        /// The CRC the rest of the payload must have.
        private let restCRC: UInt64

        fileprivate init(metadata: Metadata, rest: CacheReader, restCRC: UInt64) {
            self.metadata = metadata
            self.rest = rest
            self.restCRC = restCRC
        }

        /// The questionnaire with the metadata only and no sections: what a welcome screen
        /// and a draft's resume check read.
        public var preview: Questionnaire { Questionnaire(metadata: metadata, sections: []) }

        /// The whole questionnaire; nil if the rest does not have its CRC (a damaged file:
        /// the caller parses the questionnaire file) or does not decode (which, with the CRC
        /// right, only a defect of this build could cause).
        public func finish() -> Questionnaire? {
            var reader = rest
            guard UInt64(CRC32.checksum(reader.unread)) == restCRC,
                  let questionnaire = try? Questionnaire.read(after: metadata, from: &reader), reader.isAtEnd else { return nil }
            return questionnaire
        }
    }

    /// The questionnaire in `bytes` if they are a sound cache file whose recorded key is
    /// `accepted`.
    private static func decode(_ bytes: [UInt8], accepting accepted: (Key) -> Bool) -> Questionnaire? {
        stage(bytes, accepting: accepted)?.finish()
    }

    /// Checks the header, the key (`accepted`), the lengths and the metadata's CRC, and
    /// decodes the metadata.
    private static func stage(_ bytes: [UInt8], accepting accepted: (Key) -> Bool) -> Staged? {
        var reader = CacheReader(bytes)
        do {
            guard try reader.readRaw(count: magic.count).elementsEqual(magic),
                  try reader.readVarint() == formatVersion else { return nil }
            let stored = Key(sourcePath: try reader.readString(), sourceDigest: try reader.readString(),
                             executable: try reader.readString(), sourceStat: try reader.readString())
            guard accepted(stored) else { return nil }
            let (metadataCRC, metadataLength) = (try reader.readVarint(), try reader.readVarint())
            let (restCRC, restLength) = (try reader.readVarint(), try reader.readVarint())
            guard metadataLength <= UInt64(reader.remaining), restLength == UInt64(reader.remaining) - metadataLength else { return nil }
            let metadataEnd = reader.offset + Int(metadataLength)
            guard UInt64(CRC32.checksum(bytes[reader.offset..<metadataEnd])) == metadataCRC else { return nil }
            let metadata = try Metadata.read(from: &reader)
            guard reader.offset == metadataEnd, metadata.sourceDigest == stored.sourceDigest, metadata.sourceFile == stored.sourcePath else { return nil }
            return Staged(metadata: metadata, rest: reader, restCRC: restCRC)
        } catch {
            return nil
        }
    }
}
