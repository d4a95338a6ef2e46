import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import IntakeCore

/// Writes the three output files of a submitted intake (summary, FHIR response, result)
/// and says where they went; used by every interactive path.
enum SubmittedIntake {
    static func write(_ wizard: Wizard, language: String, to folder: String, clinicLanguage: String = "en", width: Int = 80) throws -> [String] {
        let outputs = IntakeOutputs(wizard: wizard, language: language, clinicLanguage: clinicLanguage, width: width, submitted: .now())
        return try outputs.write(into: folder)
    }
}
