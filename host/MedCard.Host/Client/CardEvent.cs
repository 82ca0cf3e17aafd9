using System;
using MedCard.Protocol;

namespace MedCard.Host.Client
{
    /// <summary>A card entered or left the reader's field.</summary>
    public sealed class CardEvent
    {
        internal CardEvent(bool present, byte[] uid, CardPresented? details, bool holderVerified)
        {
            IsPresent = present;
            Uid = uid;
            Details = details;
            HolderVerified = holderVerified;
        }

        /// <summary>True for "presented", false for "removed".</summary>
        public bool IsPresent { get; }

        /// <summary>The card's UID as read by the MFRC522 (4 or 7 bytes).</summary>
        public byte[] Uid { get; }

        /// <summary>
        /// For a presented card: what the reader read (holder status and fields). With
        /// <see cref="ReaderClientOptions.HolderMac"/> set, a card whose issuer MAC does not verify arrives here as
        /// BadIssuerMac without fields.
        /// </summary>
        public CardPresented? Details { get; }

        /// <summary>
        /// True when the host verified the holder data's issuer MAC (<see cref="ReaderClientOptions.HolderMac"/>). Readers
        /// cannot verify it (they do not hold the issuer's key), so holder data with this false is the reader's word only.
        /// </summary>
        public bool HolderVerified { get; }

        /// <summary>The card number when the holder data read well.</summary>
        public string? CardNumber => Details is { HolderStatus: HolderDataStatus.Ok } ? Details.CardNumber : null;

        /// <summary>"presented" or "removed", the UID in hex and the card number when known.</summary>
        public override string ToString() =>
            (IsPresent ? "presented " : "removed ") + Convert.ToHexString(Uid) + (CardNumber is null ? "" : " card " + CardNumber);
    }
}
