using MedCard.Protocol;

namespace MedCard.Settlement.Stores;

/// <summary>
/// The persons.gender column keeps the codes ledgers have always stored (0 unspecified, 1 female, 2 male) although the
/// ledger now uses the protocol's <see cref="Gender"/> (GB/T 2261.1 values 0 unknown, 1 male, 2 female, 9 unspecified):
/// existing ledgers need no migration. Unknown, which the old codes lacked, is stored as 3.
/// </summary>
internal static class GenderColumn
{
    public static long ToDb(Gender gender) => gender switch
    {
        Gender.Female => 1,
        Gender.Male => 2,
        Gender.Unknown => 3,
        _ => 0,
    };

    public static Gender FromDb(long value) => value switch
    {
        1 => Gender.Female,
        2 => Gender.Male,
        3 => Gender.Unknown,
        _ => Gender.Unspecified,
    };
}
