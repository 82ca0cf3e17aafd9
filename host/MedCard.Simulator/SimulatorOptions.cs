using System;
using MedCard.Firmware.Reader;

namespace MedCard.Simulator
{
    /// <summary>How a <see cref="SimulatedReader"/> is set up.</summary>
    public sealed record SimulatorOptions
    {
        /// <summary>Pre-provision this reader id with <see cref="ReaderKey"/> (0 = leave unprovisioned; the host may Provision it).</summary>
        public uint ReaderId { get; init; }

        /// <summary>The 32-byte reader key when <see cref="ReaderId"/> is set.</summary>
        public byte[]? ReaderKey { get; init; }

        /// <summary>Card-system keys (32 bytes each): sector key diversification master and issuer MAC key.</summary>
        public required byte[] SectorMasterKey { get; init; }

        public required byte[] IssuerKey { get; init; }

        /// <summary>Directory for the reader's I: drive; null keeps it in memory.</summary>
        public string? StoreDirectory { get; init; }

        public string BoardName { get; init; } = "desktop-simulator";

        /// <summary>4x4 (with D = cancel) or 4x3.</summary>
        public bool FourByThreeKeypad { get; init; }

        /// <summary>Main-loop period. The device loops as fast as it can; 1 ms keeps the simulator responsive.</summary>
        public TimeSpan TickPeriod { get; init; } = TimeSpan.FromMilliseconds(1);

        /// <summary>Firmware timings; defaults are the device's.</summary>
        public ReaderTimings Timings { get; init; } = new ReaderTimings();
    }
}
