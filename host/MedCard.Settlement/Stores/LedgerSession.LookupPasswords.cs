using System.Threading.Tasks;
using MedCard.Settlement.Rules;

namespace MedCard.Settlement.Stores;

public sealed partial class LedgerSession
{
    /// <summary>The person's lookup password row, or null (the default password, every try left). The caller holds the
    /// person's row lock.</summary>
    internal Task<LookupPassword?> GetLookupPasswordAsync(string residentId) =>
        SingleAsync("SELECT salt, hash, iterations, key_id, tries_left FROM lookup_passwords WHERE resident_id = @id",
            r => new LookupPassword(r.IsDBNull(1) ? null : new PinCredential(B(r, 0), B(r, 1), (int)L(r, 2), NS(r, 3)), (int)L(r, 4)),
            ("@id", residentId));

    /// <summary>Writes the person's lookup password row (a null credential: the default password).</summary>
    internal Task SetLookupPasswordAsync(string residentId, LookupPassword password) =>
        ExecuteAsync("INSERT INTO lookup_passwords (resident_id, salt, hash, iterations, key_id, tries_left) VALUES (@id, @salt, @hash, @iter, @key, @tries) "
            + "ON CONFLICT (resident_id) DO UPDATE SET salt = excluded.salt, hash = excluded.hash, iterations = excluded.iterations, "
            + "key_id = excluded.key_id, tries_left = excluded.tries_left",
            ("@id", residentId), ("@salt", password.Credential?.Salt), ("@hash", password.Credential?.Hash),
            ("@iter", password.Credential is { } c ? (long)c.Iterations : null), ("@key", password.Credential?.KeyId), ("@tries", (long)password.TriesLeft));

    /// <summary>Back to the default password with every try left (the holder at a desk with their ID).</summary>
    internal Task DeleteLookupPasswordAsync(string residentId) =>
        ExecuteAsync("DELETE FROM lookup_passwords WHERE resident_id = @id", ("@id", residentId));
}

/// <summary>A stored lookup password: the changed password's credential (null: the default, the birth date) and the tries left.</summary>
internal sealed record LookupPassword(PinCredential? Credential, int TriesLeft);
