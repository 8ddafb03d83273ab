using Labelforge.Engine.Privacy;

namespace Labelforge.Engine.Tests.Privacy;

public class PiiDetectorTests
{
    private static readonly PiiDetector All = new(new PiiDetectorOptions(PiiKinds.Builtin));

    private static List<(PiiKind Kind, string Text)> Found(string text, PiiDetector? detector = null) =>
        [.. (detector ?? All).Detect(text).Select(d => (d.Kind, text[d.Start..d.End]))];

    [Theory]
    [InlineData("Write to ann.lee+work@example.co.uk today.", "ann.lee+work@example.co.uk")]
    [InlineData("<bob_smith@mail.example.org>", "bob_smith@mail.example.org")]
    [InlineData("contact: J.DOE@EXAMPLE.COM.", "J.DOE@EXAMPLE.COM")]
    public void Finds_email_addresses(string text, string email) =>
        Assert.Equal([(PiiKind.Email, email)], Found(text));

    [Theory]
    [InlineData("Meet me @ noon")]
    [InlineData("user@localhost has no domain")]
    [InlineData("see @example.com and ann@.com")]
    public void Leaves_text_that_is_not_an_email_address(string text) => Assert.Empty(Found(text));

    [Theory]
    [InlineData("Call +49 30 1234567 now", "+49 30 1234567")]
    [InlineData("Tel. +44 (0)20 7946 0958.", "+44 (0)20 7946 0958")]
    [InlineData("phone: +1-202-555-0173", "+1-202-555-0173")]
    [InlineData("Ring 030 12345678 please", "030 12345678")]
    [InlineData("Office (555) 123-4567 ext", "(555) 123-4567")]
    [InlineData("cell 202-555-0199", "202-555-0199")]
    [InlineData("Tél 01 23 45 67 89", "01 23 45 67 89")]
    public void Finds_phone_numbers_in_international_and_national_form(string text, string phone) =>
        Assert.Equal([(PiiKind.Phone, phone)], Found(text));

    [Theory]
    [InlineData("Order 1234567890 shipped")]
    [InlineData("on 2024-01-15 at 10:30")]
    [InlineData("born 12/05/1987")]
    [InlineData("revenue 1.234.567.890 EUR")]
    [InlineData("version 10.2.3 build 4471")]
    [InlineData("room 0301, floor 2")]
    [InlineData("+0 123 456 789")]
    [InlineData("ISBN 978-3-16-148410-0")]
    public void Leaves_numbers_that_are_not_phone_numbers(string text) => Assert.Empty(Found(text));

    [Theory]
    [InlineData("IBAN DE89 3704 0044 0532 0130 00, thanks", "DE89 3704 0044 0532 0130 00")]
    [InlineData("pay to GB82WEST12345698765432.", "GB82WEST12345698765432")]
    [InlineData("FR1420041010050500013M02606", "FR1420041010050500013M02606")]
    public void Finds_ibans_with_right_check_digits(string text, string iban) =>
        Assert.Equal([(PiiKind.Iban, iban)], Found(text));

    [Theory]
    [InlineData("IBAN DE88 3704 0044 0532 0130 00")] // check digits off by one
    [InlineData("GB82WEST1234569876543")] // one character short for GB
    [InlineData("ZZ82WEST12345698765432")] // no such country
    public void Leaves_ibans_with_wrong_check_digits_length_or_country(string text) =>
        Assert.DoesNotContain(Found(text), f => f.Kind == PiiKind.Iban);

    [Theory]
    [InlineData("card 4111 1111 1111 1111 exp 12/27", "4111 1111 1111 1111")]
    [InlineData("5500-0000-0000-0004", "5500-0000-0000-0004")]
    [InlineData("amex 378282246310005.", "378282246310005")]
    public void Finds_card_numbers_that_pass_luhn(string text, string card) =>
        Assert.Equal([(PiiKind.Card, card)], Found(text));

    [Theory]
    [InlineData("card 4111 1111 1111 1112")] // Luhn fails
    [InlineData("tracking 1000000000000008")] // passes Luhn but no card network starts with 1
    [InlineData("id 411111111111")] // 12 digits
    public void Leaves_numbers_that_are_not_card_numbers(string text) => Assert.Empty(Found(text));

    [Theory]
    [InlineData("from 192.168.0.17 at", "192.168.0.17")]
    [InlineData("host 2001:db8::8a2e:370:7334 said", "2001:db8::8a2e:370:7334")]
    [InlineData("loopback ::1.", "::1")]
    [InlineData("mapped ::ffff:192.0.2.1 here", "::ffff:192.0.2.1")]
    public void Finds_ip_addresses(string text, string ip) => Assert.Equal([(PiiKind.Ip, ip)], Found(text));

    [Theory]
    [InlineData("at 12:30:45 sharp")]
    [InlineData("version 1.2.3.4.5")]
    [InlineData("300.1.2.3 is not an address")]
    [InlineData("ratio 3:2 and c::d")]
    public void Leaves_text_that_is_not_an_ip_address(string text) => Assert.Empty(Found(text));

    [Fact]
    public void Finds_only_the_kinds_that_are_on()
    {
        var emailOnly = new PiiDetector(new PiiDetectorOptions([PiiKind.Email]));
        Assert.Equal([(PiiKind.Email, "a@example.com")], Found("a@example.com +49 30 1234567 10.0.0.1", emailOnly));
        Assert.True(PiiDetector.None.IsEmpty);
        Assert.Empty(PiiDetector.None.Detect("a@example.com"));
    }

    [Fact]
    public void User_pattern_and_word_list_are_custom_detections()
    {
        var detector = new PiiDetector(new PiiDetectorOptions([], Pattern: @"\bCUST-\d{6}\b", Words: ["Ann Lee", "schmidt", " "]));
        Assert.Equal([(PiiKind.Custom, "ann lee"), (PiiKind.Custom, "CUST-004211"), (PiiKind.Custom, "Schmidt")],
            Found("ann lee (CUST-004211) met Schmidt, not Schmidtke.", detector));
    }

    [Fact]
    public void A_pattern_that_times_out_marks_the_whole_text()
    {
        // A backreference needs the backtracking engine, and this one backtracks exponentially on a long run of a's.
        var detector = new PiiDetector(new PiiDetectorOptions([], Pattern: @"^(a+)+\1b$") { MatchTimeout = TimeSpan.FromMilliseconds(1) });
        var text = new string('a', 5000) + "c";
        Assert.Equal([new PiiDetection(PiiKind.Custom, 0, text.Length)], detector.Detect(text));
    }

    [Fact]
    public void An_invalid_pattern_is_reported()
    {
        Assert.Null(PiiDetector.CheckPattern(@"\d{3}"));
        Assert.NotNull(PiiDetector.CheckPattern("(unclosed"));
    }

    [Fact]
    public void Overlaps_keep_the_first_then_the_longest()
    {
        // The word list matches inside the e-mail address; the address starts first and is kept whole.
        var detector = new PiiDetector(new PiiDetectorOptions([PiiKind.Email], Words: ["example"]));
        Assert.Equal([(PiiKind.Email, "ann@example.com"), (PiiKind.Custom, "example")], Found("ann@example.com example", detector));
        var resolved = PiiDetector.Resolve([new(PiiKind.Phone, 5, 9), new(PiiKind.Card, 0, 9), new(PiiKind.Email, 0, 9), new(PiiKind.Ip, 9, 12)]);
        Assert.Equal([new PiiDetection(PiiKind.Email, 0, 9), new PiiDetection(PiiKind.Ip, 9, 12)], resolved);
    }

    [Fact]
    public void Check_digit_helpers()
    {
        Assert.Equal(1, IbanDetector.Mod97("GB82WEST12345698765432"));
        Assert.NotEqual(1, IbanDetector.Mod97("GB83WEST12345698765432"));
        Assert.True(CardDetector.Luhn("79927398713"));
        Assert.False(CardDetector.Luhn("79927398710"));
    }
}
