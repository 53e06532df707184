import IdentityNormalization
import Testing

@Suite struct EmailNormalizerTests {
    @Test(arguments: [
        ("  Zhang.San@QQ.com ", "zhang.san@qq.com"),
        ("ｚｈａｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ", "zhang@example.com"),
        ("mailto:Bob@Example.org", "bob@example.org"),
        ("<bob@example.co.uk>", "bob@example.co.uk"),
        // Aliases are kept as they are: dots and +tags mean different addresses to us.
        ("John.Smith+news@gmail.com", "john.smith+news@gmail.com"),
        ("j.o.h.n@googlemail.com", "j.o.h.n@googlemail.com"),
    ])
    func validAddressesAreLowerCased(raw: String, address: String) {
        let result = EmailNormalizer.normalize(raw)
        #expect(result.value?.address == address)
    }

    @Test func partsOfAnAddress() {
        let address = EmailNormalizer.normalize("Bob@Example.org").value
        #expect(address?.localPart == "bob")
        #expect(address?.domain == "example.org")
    }

    @Test(arguments: [
        "bob", "bob@", "@example.com", "bob@@example.com", "bob@example", "bob smith@example.com", "bob@example..com",
        ".bob@example.com", "bob.@example.com", "bob@-example.com", "bob@example.c", "bob@example.123", "a@b@c.com",
    ])
    func invalidAddressesAreFlagged(raw: String) {
        let result = EmailNormalizer.normalize(raw)
        #expect(result.value == nil)
        #expect(result.has(.invalidEmail))
    }
}
