import PropertyBased
import Testing
@testable import IntakeCore

/// ASCII expression text is scanned as bytes, anything else as `Character`s: both paths
/// must give the same tokens, offsets and errors.
@Suite struct LexerPathTests {
    /// Characters that make up expressions and the usual mistakes in them.
    static let alphabet = Array("ab_Z09 .,()[]+-*/<>=!&|'\"\\\t\nxor and not in true null 1.5 '")

    @Test func bytesAndCharactersGiveTheSameTokensForAnyASCIIText() async {
        let text = Gen.int(in: 0...(Self.alphabet.count - 1)).array(of: 0...40).map { String($0.map { Self.alphabet[$0] }) }
        await propertyCheck(count: 2000, input: text) { source in
            #expect(Lexer.tokenize(source) == Lexer.tokenizeAsCharacters(source), "\(source.debugDescription)")
        }
    }

    @Test func textWithACarriageReturnOrNonASCIITakesTheCharacterPath() {
        // "\r\n" is one Character: the offset of `b` is 2, not 3.
        let tokens = try? Lexer.tokenize("a\r\nb").get()
        #expect(tokens?.map(\.offset) == [0, 2, 3])
        #expect(Lexer.tokenize("x == 'Grüße'") == Lexer.tokenizeAsCharacters("x == 'Grüße'"))
    }
}
