using System;
using MedCard.Protocol;

namespace MedCard.Host.Client
{
    /// <summary>A card entered or left the reader's field.</summary>
    public sealed class CardEvent
    {
        internal CardEvent(bool present, byte[] uid, CardPresented? details)
        {
            IsPresent = present;
            Uid = uid;
            Details = details;
        }

        /// <summary>True for "presented", false for "removed".</summary>
        public bool IsPresent { get; }

        public byte[] Uid { get; }

        /// <summary>For a presented card: what the reader read (holder status and fields).</summary>
        public CardPresented? Details { get; }

        /// <summary>The card number when the holder data read well.</summary>
        public string? CardNumber => Details is { HolderStatus: HolderDataStatus.Ok } ? Details.CardNumber : null;

        public override string ToString() =>
            (IsPresent ? "presented " : "removed ") + Convert.ToHexString(Uid) + (CardNumber is null ? "" : " card " + CardNumber);
    }
}
