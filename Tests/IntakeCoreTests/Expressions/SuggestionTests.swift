import Testing
@testable import IntakeCore

@Suite struct SuggestionTests {
    @Test(arguments: [
        ("fevr", "fever"), ("fevre", "fever"), ("Fever", "fever"), ("temprature", "temperature"),
        ("sx", "sex"), ("cuont", "count"),
    ])
    func suggestsAPlausibleTypo(word: String, expected: String) {
        let names = ["fever", "temperature", "sex", "count", "rash_sites"]
        #expect(Suggestion.closest(to: word, among: names) == expected)
    }

    @Test(arguments: ["xyz", "weight", "fever", "ab", ""])
    func staysQuietWhenNothingIsClose(word: String) {
        #expect(Suggestion.closest(to: word, among: ["fever", "weight_now", "sex"]) == nil)
    }

    @Test func formatsTheHint() {
        #expect(Suggestion.didYouMean("fevr", among: ["fever"]) == "; did you mean 'fever'?")
        #expect(Suggestion.didYouMean("zzz", among: ["fever"]) == "")
    }

    @Test func prefersTheClosestThenTheFirst() {
        #expect(Suggestion.closest(to: "cat", among: ["cut", "car", "cast"]) == "cut")
        #expect(Suggestion.closest(to: "knee", among: ["knees", "knee_left"]) == "knees")
    }
}
