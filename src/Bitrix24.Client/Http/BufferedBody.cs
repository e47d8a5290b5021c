using System;
using System.Buffers;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Bitrix24.Client.Http
{
    /// <summary>
    /// A response body read whole into one array of its exact size, which the handlers and the pipeline take as
    /// it is. HttpClient's own buffering grows a MemoryStream by doubling and copies it once more for
    /// ReadAsByteArrayAsync: for a 1 MB batch answer (50 pages of a listing) that is about 4 MB of large-object
    /// garbage per request, and a 100,000-row listing spent a good part of its CPU in the gen2 collections it
    /// caused. Here the growing happens in pooled buffers and the only allocation is the body itself.
    /// </summary>
    internal sealed class BufferedBody : HttpContent
    {
        private const int FirstBuffer = 16 * 1024;

        private BufferedBody(byte[] bytes) => Bytes = bytes;

        public byte[] Bytes { get; }

        /// <summary>Reads <paramref name="content"/> to its end (honouring <paramref name="cancellationToken"/>)
        /// and returns it buffered, with the original's headers; the original is disposed.</summary>
        public static async Task<BufferedBody> ReadAsync(HttpContent content, CancellationToken cancellationToken)
        {
            using (content)
            {
                var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
                var length = content.Headers.ContentLength;
                var buffer = ArrayPool<byte>.Shared.Rent(length is long known && known < int.MaxValue ? (int)known + 1 : FirstBuffer);
                try
                {
                    var count = 0;
                    while (true)
                    {
                        if (count == buffer.Length)
                        {
                            var larger = ArrayPool<byte>.Shared.Rent(checked(buffer.Length * 2));
                            Buffer.BlockCopy(buffer, 0, larger, 0, count);
                            ArrayPool<byte>.Shared.Return(buffer);
                            buffer = larger;
                        }
                        var read = await stream.ReadAsync(buffer, count, buffer.Length - count, cancellationToken).ConfigureAwait(false);
                        if (read == 0)
                            break;
                        count += read;
                    }
                    var bytes = new byte[count];
                    Buffer.BlockCopy(buffer, 0, bytes, 0, count);
                    var body = new BufferedBody(bytes);
                    foreach (var header in content.Headers)
                    {
                        // The length is this array's (a decompressed body differs from what the wire said).
                        if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
                            body.Headers.TryAddWithoutValidation(header.Key, header.Value);
                    }
                    return body;
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }
        }

        /// <summary>The whole body: the array itself when buffered here, a copy otherwise.</summary>
        public static Task<byte[]> BytesOf(HttpContent? content)
            => content is null ? Task.FromResult(Array.Empty<byte>())
                : content is BufferedBody buffered ? Task.FromResult(buffered.Bytes)
                : content.ReadAsByteArrayAsync();

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
            => stream.WriteAsync(Bytes, 0, Bytes.Length);

        protected override Task<Stream> CreateContentReadStreamAsync()
            => Task.FromResult<Stream>(new MemoryStream(Bytes, writable: false));

        protected override bool TryComputeLength(out long length)
        {
            length = Bytes.Length;
            return true;
        }
    }
}
