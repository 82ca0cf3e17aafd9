using System.Collections.Generic;
using System.Threading.Tasks;
using MedCard.Settlement.Model;

namespace MedCard.Settlement.Stores;

// Added for the medcard tool (`institution list`): read-only listing, no behaviour change.
public sealed partial class LedgerSession
{
    /// <summary>Every registered institution, by id.</summary>
    public Task<List<Institution>> ListInstitutionsAsync() =>
        QueryAsync("SELECT institution_id, name, designated FROM institutions ORDER BY institution_id",
            r => new Institution(r.GetString(0), r.GetString(1), L(r, 2) != 0));
}
