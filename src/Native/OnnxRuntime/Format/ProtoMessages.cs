namespace HybridAI.Native.OnnxRuntime.Format;

/// <summary>Shared plumbing for the message classes: parse a root buffer, serialize a whole message.</summary>
internal static class ProtoMessages
{
    public static byte[] Serialize<T>(T message)
        where T : IProtoMessage<T>
    {
        var writer = new ProtoWriter();
        message.WriteTo(writer);
        return writer.ToArray();
    }

    public static string Utf8(ReadOnlySpan<byte> bytes) => System.Text.Encoding.UTF8.GetString(bytes);
}
