using System.Collections.Generic;
using System.Threading.Tasks;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;

namespace MedCard.Settlement.Stores;

// Added for the medcard tool (`institution list`): read-only listing, no behaviour change.
public sealed partial class LedgerSession
{
    /// <summary>Every registered institution, by id.</summary>
    public Task<List<Institution>> ListInstitutionsAsync() =>
        QueryAsync("SELECT institution_id, name, designated FROM institutions ORDER BY institution_id",
            r => new Institution(r.GetString(0), r.GetString(1), L(r, 2) != 0));

    /// <summary>Cards per PIN protection (key id, or null for PBKDF2), for key rotation (`medcard pin keys list`).</summary>
    public Task<List<PinProtectionCount>> CountPinProtectionsAsync() =>
        QueryAsync("SELECT pin_key_id, COUNT(*) FROM cards GROUP BY pin_key_id ORDER BY pin_key_id",
            r => new PinProtectionCount(r.IsDBNull(0) ? null : r.GetString(0), L(r, 1)));
}
