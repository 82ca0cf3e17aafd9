using System;
using MedCard.Host.Link;
using MedCard.Host.Verification;
using MedCard.Protocol;
using Microsoft.Extensions.Logging;

namespace MedCard.Host.Client
{
    /// <summary>Everything a <see cref="ReaderClient"/> needs. Key and chain stores are the integrator's.</summary>
    public sealed record ReaderClientOptions
    {
        /// <summary>Each reader's HMAC key. Required.</summary>
        public required IReaderKeyStore Keys { get; init; }

        /// <summary>Each reader's last accepted counter and MAC. Required; must be durable in production.</summary>
        public required IRecordChainStore Chain { get; init; }

        /// <summary>HMAC-SHA256 used to verify records and hotlist MACs; .NET's by default.</summary>
        public IHmacSha256 Hmac { get; init; } = new MedCard.Host.Crypto.DotNetHmacSha256();

        /// <summary>
        /// Verifies the issuer MAC of the holder data readers forward (the issuer's holder-data MAC key). Set it: readers
        /// cannot check that MAC, so without it a tampered or forged card's fields reach the caller with
        /// <see cref="CardEvent.HolderVerified"/> false (and a warning is logged once).
        /// </summary>
        public HolderMacVerifier? HolderMac { get; init; }

        /// <summary>AES-128 used to open PIN blocks; .NET's by default.</summary>
        public IAes128 Aes { get; init; } = new MedCard.Host.Crypto.DotNetAes128();

        /// <summary>Resend, heartbeat and reconnect timing of the link.</summary>
        public LinkOptions Link { get; init; } = LinkOptions.Default;

        /// <summary>Default bound on quick calls (status, journal chunk, provisioning).</summary>
        public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(5);

        /// <summary>Bound on an authorization (the reader persists the counter and signs).</summary>
        public TimeSpan AuthorizeTimeout { get; init; } = TimeSpan.FromSeconds(10);

        /// <summary>Added to the PIN entry time the reader is given, for the answer to come back (protocol: 2 s).</summary>
        public TimeSpan PinAnswerMargin { get; init; } = TimeSpan.FromSeconds(2);

        /// <summary>Attempt timeout of requests that write the reader's flash (AuthorizeRequest, Provision): protocol rule 5 suggests 1 s.</summary>
        public TimeSpan FlashWriteAttemptTimeout { get; init; } = TimeSpan.FromSeconds(1);

        /// <summary>Where the client and its link log; none when null.</summary>
        public ILoggerFactory? LoggerFactory { get; init; }

        /// <summary>Frame transcript (trace mode); see <see cref="Trace.FrameTranscript"/>.</summary>
        public IFrameObserver? Trace { get; init; }

        /// <summary>Clock for request times; tests and diff-mode transcripts pin it.</summary>
        public TimeProvider Time { get; init; } = TimeProvider.System;

        /// <summary>Fills the 8-byte host nonce of each authorization; cryptographic RNG by default.</summary>
        public Action<Span<byte>> NonceSource { get; init; } = System.Security.Cryptography.RandomNumberGenerator.Fill;

        /// <summary>After a reconnect, read the journal from the last accepted counter so nothing signed meanwhile is lost.</summary>
        public bool SyncJournalOnReconnect { get; init; } = true;
    }
}
