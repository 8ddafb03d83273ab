using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Labelforge.Engine.Privacy;

/// <summary>
/// IP addresses: IPv4 as four dotted decimal octets 0-255 without leading zeros, not part of a longer dotted number
/// ("1.2.3.4.5"); IPv6 as hexadecimal groups with at least two colons that parse as an IPv6 address ("::1",
/// "2001:db8::8a2e:370:7334", "::ffff:192.0.2.1") and hold a decimal digit; times such as "12:30:45" and words such as "c::d" do not.
/// </summary>
internal static partial class IpDetector
{
    [GeneratedRegex(@"(?<![0-9A-Za-z.])(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(?![0-9A-Za-z]|\.[0-9])",
        RegexOptions.CultureInvariant)]
    private static partial Regex V4();

    [GeneratedRegex(@"(?<![0-9A-Za-z:.])[0-9A-Fa-f:]*:[0-9A-Fa-f]*:[0-9A-Fa-f:.]*(?![0-9A-Za-z:])", RegexOptions.CultureInvariant)]
    private static partial Regex V6Candidate();

    public static void Find(string text, List<PiiDetection> found)
    {
        if (text.Contains('.', StringComparison.Ordinal))
        {
            foreach (var m in V4().EnumerateMatches(text))
                found.Add(new PiiDetection(PiiKind.Ip, m.Index, m.Index + m.Length));
        }
        if (!text.Contains(':', StringComparison.Ordinal))
            return;
        foreach (var m in V6Candidate().EnumerateMatches(text))
        {
            var candidate = text.AsSpan(m.Index, m.Length).TrimEnd('.');
            if (candidate.IndexOfAnyInRange('0', '9') < 0 || candidate.IndexOf('%') >= 0)
                continue;
            if (IPAddress.TryParse(candidate, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6)
                found.Add(new PiiDetection(PiiKind.Ip, m.Index, m.Index + candidate.Length));
        }
    }
}
