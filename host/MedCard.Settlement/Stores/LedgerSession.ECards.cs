using System;
using System.Threading.Tasks;

namespace MedCard.Settlement.Stores;

public sealed partial class LedgerSession
{
    internal Task InsertECardTokenAsync(string tokenId, string cardNumber, DateTimeOffset issuedAt, DateTimeOffset expiresAt) =>
        ExecuteAsync("INSERT INTO ecard_tokens (token_id, card_number, issued_at, expires_at) VALUES (@t, @c, @i, @e)",
            ("@t", tokenId), ("@c", cardNumber), ("@i", DbTime.ToDb(issuedAt)), ("@e", DbTime.ToDb(expiresAt)));

    /// <summary>The issued token's card and whether it was used, or null when the ledger never issued it.</summary>
    internal Task<IssuedECard?> GetECardTokenAsync(string tokenId) =>
        SingleAsync("SELECT card_number, used_at FROM ecard_tokens WHERE token_id = @t" + Lock(true),
            r => new IssuedECard(r.GetString(0), !r.IsDBNull(1)), ("@t", tokenId));

    internal Task MarkECardTokenUsedAsync(string tokenId, DateTimeOffset at) =>
        ExecuteAsync("UPDATE ecard_tokens SET used_at = @u WHERE token_id = @t", ("@u", DbTime.ToDb(at)), ("@t", tokenId));

    /// <summary>True when the institution accepts e-cards.</summary>
    public async Task<bool> AcceptsECardAsync(string institutionId) =>
        await ScalarAsync("SELECT COUNT(*) FROM ecard_institutions WHERE institution_id = @i", ("@i", institutionId)).ConfigureAwait(false) > 0;

    internal async Task SetECardAcceptanceAsync(string institutionId, bool accepts)
    {
        await ExecuteAsync("DELETE FROM ecard_institutions WHERE institution_id = @i", ("@i", institutionId)).ConfigureAwait(false);
        if (accepts)
        {
            await ExecuteAsync("INSERT INTO ecard_institutions (institution_id) VALUES (@i)", ("@i", institutionId)).ConfigureAwait(false);
        }
    }
}

/// <summary>An issued e-card token as the ledger holds it.</summary>
internal sealed record IssuedECard(string CardNumber, bool Used);
