using Labelforge.Engine.Privacy;

namespace Labelforge.Engine.Tests.Privacy;

public class PiiMaskerTests
{
    private static readonly PiiDetector All = new(new PiiDetectorOptions(PiiKinds.Builtin, Words: ["Ann"]));

    [Fact]
    public void Tags_replace_each_detection()
    {
        const string text = "Ann: ann@example.org, +49 30 1234567, DE89 3704 0044 0532 0130 00, 4111-1111-1111-1111 from 10.1.2.3";
        Assert.Equal("[PII]: [EMAIL], [PHONE], [IBAN], [CARD] from [IP]", PiiMasker.Mask(text, All.Detect(text), PiiMaskStyle.Tag));
    }

    [Fact]
    public void Same_length_masks_keep_every_offset()
    {
        const string text = "Ann wrote from ann@example.org (IP 10.1.2.3).";
        var masked = PiiMasker.Mask(text, All.Detect(text), PiiMaskStyle.SameLength);
        Assert.Equal("*** wrote from [EMAIL]******** (IP [IP]****).", masked);
        Assert.Equal(text.Length, masked.Length);
        Assert.Equal(text.IndexOf("wrote", StringComparison.Ordinal), masked.IndexOf("wrote", StringComparison.Ordinal));
    }

    [Fact]
    public void Text_without_detections_is_returned_as_it_is()
    {
        const string text = "Nothing personal here.";
        Assert.Same(text, PiiMasker.Mask(text, All.Detect(text), PiiMaskStyle.Tag));
    }

    [Theory]
    [InlineData("email", PiiKind.Email)]
    [InlineData(" IBAN ", PiiKind.Iban)]
    [InlineData("ip", PiiKind.Ip)]
    public void Kinds_read_their_wire_names(string wire, PiiKind kind)
    {
        Assert.True(PiiKinds.TryParse(wire, out var parsed));
        Assert.Equal(kind, parsed);
        Assert.False(PiiKinds.TryParse("ssn", out _));
    }
}
