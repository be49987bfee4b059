using System;
using System.Text;

namespace Assistants.Client.Internal;

/// <summary>
/// Removes a credential from text the library keeps or shows (error bodies, excerpts): some servers echo
/// the key they were given in their error message.
/// </summary>
internal static class SecretRedactor
{
    public const string Mask = "[REDACTED]";

    public static byte[] Redact(byte[] body, string? secret1, string? secret2 = null)
        => Redact(Redact(body, secret1), secret2);

    private static byte[] Redact(byte[] body, string? secret)
    {
        // Very short "secrets" (test placeholders) would mangle ordinary text; real keys and tokens are long.
        if (string.IsNullOrEmpty(secret) || secret!.Length < 8 || body.Length < secret.Length)
        {
            return body;
        }

        byte[] needle = Encoding.UTF8.GetBytes(secret);
        if (body.AsSpan().IndexOf(needle) < 0)
        {
            return body;
        }

        string text = Encoding.UTF8.GetString(body);
        return Encoding.UTF8.GetBytes(text.Replace(secret, Mask));
    }
}
