namespace Labelforge.Core.Common;

/// <summary>Why a request failed; maps to HTTP 404, 409 and 400.</summary>
public enum ErrorKind
{
    Invalid,
    NotFound,
    Conflict,
}
