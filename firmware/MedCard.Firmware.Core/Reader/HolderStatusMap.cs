using MedCard.Firmware.Card;
using MedCard.Protocol;

namespace MedCard.Firmware.Reader
{
    /// <summary>Maps the reader's detailed card status onto the wire's <see cref="HolderDataStatus"/>.</summary>
    public static class HolderStatusMap
    {
        /// <summary>The wire status for a read outcome.</summary>
        public static HolderDataStatus ToWire(CardReadStatus status)
        {
            switch (status)
            {
                case CardReadStatus.Ok:
                    return HolderDataStatus.Ok;
                case CardReadStatus.NotPersonalised:
                    return HolderDataStatus.Blank;
                case CardReadStatus.UnsupportedLayout:
                case CardReadStatus.MalformedData:
                    return HolderDataStatus.Malformed;
                case CardReadStatus.BadIdCheckCharacter:
                    return HolderDataStatus.BadCheckCharacter;
                default:
                    return HolderDataStatus.Unreadable;
            }
        }

        /// <summary>True for outcomes worth another attempt (RF trouble rather than the card's content).</summary>
        public static bool IsRetryable(CardReadStatus status)
        {
            return status == CardReadStatus.ReadFailed || status == CardReadStatus.AuthenticationFailed;
        }
    }
}
