using MedCard.Protocol;

namespace MedCard.Firmware.Reader
{
    /// <summary>
    /// Answers that say "the request had no effect because storage failed". They are not kept in the response
    /// cache: a retry with the same request id must try again (the flash may be writable by then), not replay the
    /// failure until the id wraps. Safe because such a request changed nothing the host can see: no record was
    /// returned or journaled, no key, hotlist chunk or acknowledgement was stored.
    /// </summary>
    public static class TransientAnswers
    {
        /// <summary>True for an Error answer that must not be cached.</summary>
        public static bool IsTransient(ErrorCode code)
        {
            return code == ErrorCode.StorageFailure;
        }

        /// <summary>True for a typed answer whose status is a storage failure.</summary>
        public static bool IsTransient(IMessage response)
        {
            if (response is AuthorizeResponse)
            {
                return ((AuthorizeResponse)response).Status == AuthorizeStatus.StorageFailure;
            }

            if (response is HotlistAck)
            {
                return ((HotlistAck)response).Status == HotlistStatus.StorageFailure;
            }

            if (response is ProvisionResponse)
            {
                return ((ProvisionResponse)response).Status == ProvisionStatus.StorageFailure;
            }

            if (response is ProvisionCardKeysResponse)
            {
                return ((ProvisionCardKeysResponse)response).Status == CardKeysStatus.StorageFailure;
            }

            return false;
        }
    }
}
