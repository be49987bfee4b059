using System;
using System.Security.Cryptography;

namespace Assistants.Server.Storage;

/// <summary>
/// Bytes from <see cref="RandomNumberGenerator"/>, drawn a kilobyte at a time per thread: ids and request ids need a
/// few dozen bytes each, and one call to the system generator per id cost more than building the rest of the id.
/// </summary>
internal static class SecureRandom
{
    private const int BlockBytes = 1024;

    [ThreadStatic]
    private static byte[]? t_block;

    [ThreadStatic]
    private static int t_next;

    public static byte NextByte()
    {
        byte[] block = Block();
        return block[t_next++];
    }

    public static void Fill(Span<byte> target)
    {
        for (int i = 0; i < target.Length; i++)
        {
            target[i] = NextByte();
        }
    }

    private static byte[] Block()
    {
        byte[]? block = t_block;
        if (block is null || t_next == BlockBytes)
        {
            block ??= t_block = new byte[BlockBytes];
            RandomNumberGenerator.Fill(block);
            t_next = 0;
        }

        return block;
    }
}
