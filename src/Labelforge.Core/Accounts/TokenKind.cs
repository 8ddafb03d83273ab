namespace Labelforge.Core.Accounts;

/// <summary>A personal API token (`Authorization: Bearer`), or the one-time sign-in link the server prints on its first run.</summary>
public enum TokenKind
{
    Api,
    SignInLink,
}
