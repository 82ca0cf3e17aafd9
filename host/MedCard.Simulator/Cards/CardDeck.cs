using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using MedCard.Firmware.Card;
using MedCard.Firmware.Hardware;
using MedCard.Host.Crypto;
using MedCard.Protocol;
using MedCard.Simulator.Hardware;

namespace MedCard.Simulator.Cards;

/// <summary>
/// The cards a simulator can place on its reader, personalised by the firmware core's own
/// <see cref="CardPersonaliser"/> (so the on-card image, sector keys and issuer MAC are the real ones) under the
/// scheme's issuer keys, plus what the reader is flashed with (the key-A master only), the holder-data MAC key the host
/// verifies with and, optionally, the reader identity to provision.
/// </summary>
public sealed class CardDeck
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly List<VirtualMifareCard> _cards;
    private readonly byte[]? _readerKey;

    private readonly byte[] _holderMacKey;

    private CardDeck(byte[] keyAMasterKey, byte[] holderMacKey, uint readerId, byte[]? readerKey, List<VirtualMifareCard> cards)
    {
        KeyAMasterKey = keyAMasterKey;
        _holderMacKey = holderMacKey;
        ReaderId = readerId;
        _readerKey = readerKey;
        _cards = cards;
    }

    /// <summary>The scheme's key-A master: all the reader is given (installed at start, or sent by the host).</summary>
    internal byte[] KeyAMasterKey { get; }

    /// <summary>The issuer's holder-data MAC key, as a fresh copy (for the host's <c>HolderMacVerifier</c>; never for a reader).</summary>
    public byte[] HolderMacKey => (byte[])_holderMacKey.Clone();

    /// <summary>Reader id to provision at first start, 0 when the host provisions over the link.</summary>
    public uint ReaderId { get; }

    /// <summary>Reader key to provision with <see cref="ReaderId"/>, as a fresh copy each time (load it into your key store, then wipe it).</summary>
    public byte[]? ReaderKey => _readerKey is null ? null : (byte[])_readerKey.Clone();

    /// <summary>The personalised cards, in file order.</summary>
    public IReadOnlyList<VirtualMifareCard> Cards => _cards;

    /// <summary>Find a card by label, card number or UID hex (case-insensitive).</summary>
    public VirtualMifareCard Find(string labelOrNumber)
    {
        ArgumentException.ThrowIfNullOrEmpty(labelOrNumber);
        foreach (VirtualMifareCard card in _cards)
        {
            if (string.Equals(card.Label, labelOrNumber, StringComparison.OrdinalIgnoreCase)
                || string.Equals(card.CardNumber, labelOrNumber, StringComparison.OrdinalIgnoreCase)
                || string.Equals(Convert.ToHexString(card.Uid), labelOrNumber, StringComparison.OrdinalIgnoreCase))
            {
                return card;
            }
        }

        throw new KeyNotFoundException("No card '" + labelOrNumber + "' in the deck (known: " + string.Join(", ", _cards.ConvertAll(c => c.Label)) + ").");
    }

    /// <summary>Read and personalise a cards file. Errors name the card and the field.</summary>
    public static CardDeck Load(string path)
    {
        CardsFile file;
        try
        {
            file = JsonSerializer.Deserialize<CardsFile>(File.ReadAllText(path), Json) ?? throw new InvalidDataException("The cards file is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException("Cards file " + path + ": " + e.Message, e);
        }

        return FromFile(file);
    }

    /// <summary>Validate and personalise an in-memory cards file.</summary>
    public static CardDeck FromFile(CardsFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Scheme is null)
        {
            throw new InvalidDataException("The cards file has no \"scheme\" (keyAMasterKey, keyBMasterKey, holderMacKey).");
        }

        byte[] keyA = Key32(file.Scheme.KeyAMasterKey, "scheme.keyAMasterKey");
        byte[] keyB = Key32(file.Scheme.KeyBMasterKey, "scheme.keyBMasterKey");
        byte[] mac = Key32(file.Scheme.HolderMacKey, "scheme.holderMacKey");
        if (!IssuerCardKeys.Check(keyA, keyB, mac))
        {
            throw new InvalidDataException("scheme: the three keys must be different and not all zeros.");
        }
        uint readerId = 0;
        byte[]? readerKey = null;
        if (file.Reader is not null)
        {
            readerId = file.Reader.Id != 0 ? file.Reader.Id : throw new InvalidDataException("reader.id must not be 0.");
            readerKey = Key32(file.Reader.Key, "reader.key");
        }

        var cards = new List<VirtualMifareCard>();
        var labels = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < file.Cards.Count; i++)
        {
            VirtualMifareCard card = Build(file.Cards[i], i, keyA, keyB, mac);
            if (!labels.Add(card.Label))
            {
                throw new InvalidDataException("cards[" + i + "]: the label '" + card.Label + "' is used twice.");
            }

            cards.Add(card);
        }

        CryptographicOperations.ZeroMemory(keyB);
        return new CardDeck(keyA, mac, readerId, readerKey, cards);
    }

    /// <summary>Two holders with valid data, PINs 123456 and 654321, one blank card, one card of another scheme, one clone of alice's data under a forged holder MAC; reader 7001.</summary>
    public static CardsFile DemoFile()
    {
        return new CardsFile
        {
            Scheme = new SchemeKeys { KeyAMasterKey = DemoKey("key A master"), KeyBMasterKey = DemoKey("key B master"), HolderMacKey = DemoKey("holder MAC") },
            Reader = new ReaderIdentity { Id = 7001, Key = DemoKey("reader 7001") },
            Cards =
            {
                new CardSpec
                {
                    Label = "alice", Uid = "04A1B2C3", ResidentId = WithCheck("11010519800101002"), Name = "张丽", Gender = "female",
                    CardNumber = "M0000001", Pin = "123456",
                },
                new CardSpec
                {
                    Label = "bob", Uid = "04112233445566", ResidentId = WithCheck("44030119920215003"), Name = "李强", Gender = "male",
                    CardNumber = "M0000002", Pin = "654321",
                },
                new CardSpec { Label = "blank", Uid = "0BADCAFE", Blank = true },
                new CardSpec
                {
                    Label = "foreign", Uid = "0F0E0D0C", ResidentId = WithCheck("31010119751230004"), Name = "王芳", Gender = "female",
                    CardNumber = "X0000009", KeyAMasterKey = DemoKey("another scheme"),
                },
                new CardSpec
                {
                    Label = "forged", Uid = "04C0FFEE", ResidentId = WithCheck("11010519800101002"), Name = "张丽", Gender = "female",
                    CardNumber = "M0000001", HolderMacKey = DemoKey("forger"),
                },
            },
        };
    }

    /// <summary>The demo deck, personalised.</summary>
    public static CardDeck Demo() => FromFile(DemoFile());

    /// <summary>The demo cards file as JSON (a starting point for your own).</summary>
    public static string DemoJson() => JsonSerializer.Serialize(DemoFile(), Json);

    /// <summary>The card count and the reader id, if any.</summary>
    public override string ToString() => "CardDeck(" + _cards.Count + " cards" + (ReaderId != 0 ? ", reader " + ReaderId : "") + ")";

    private static VirtualMifareCard Build(CardSpec spec, int index, byte[] keyA, byte[] keyB, byte[] mac)
    {
        string where = "cards[" + index + "]";
        byte[] uid = Hex(spec.Uid, where + ".uid");
        if (uid.Length is not (4 or 7 or 10))
        {
            throw new InvalidDataException(where + ".uid: a MIFARE UID is 4, 7 or 10 bytes, not " + uid.Length + ".");
        }

        string label = spec.Label ?? spec.CardNumber ?? Convert.ToHexString(uid);
        var card = new VirtualMifareCard(uid, label);
        if (spec.Pin is not null)
        {
            foreach (char c in spec.Pin)
            {
                if (c is < '0' or > '9')
                {
                    throw new InvalidDataException(where + ".pin: digits only.");
                }
            }

            card.HolderPin = spec.Pin;
        }

        if (spec.Blank)
        {
            return card;
        }

        var holder = new HolderData();
        try
        {
            holder.Set(spec.ResidentId, Encoding.UTF8.GetBytes(spec.Name ?? ""), ParseGender(spec.Gender, where), spec.CardNumber);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException(where + ": invalid " + e.Message + " (resident ID needs its MOD 11-2 check character; name 1-48 UTF-8 bytes; card number 1-20 of 0-9A-Z).", e);
        }

        byte[] cardKeyA = spec.KeyAMasterKey is null ? keyA : Key32(spec.KeyAMasterKey, where + ".keyAMasterKey");
        byte[] cardMac = spec.HolderMacKey is null ? mac : Key32(spec.HolderMacKey, where + ".holderMacKey");
        if (!IssuerCardKeys.Check(cardKeyA, keyB, cardMac))
        {
            throw new InvalidDataException(where + ": its key overrides must differ from the scheme's other keys.");
        }

        var keys = new IssuerCardKeys(cardKeyA, keyB, cardMac);
        try
        {
            // The issuer station: its own field with only this card in it.
            var station = new VirtualCardField();
            station.Place(card);
            var detected = new DetectedCard();
            if (!station.TryDetect(detected))
            {
                throw new InvalidOperationException("the issuer station did not see the card");
            }

            PersonaliseStatus status = new CardPersonaliser(station, new DotNetHmacSha256(), keys)
                .Personalise(detected, holder, CardPersonaliser.FactoryTransportKey);
            if (status != PersonaliseStatus.Ok)
            {
                throw new InvalidDataException(where + ": personalisation failed: " + status + ".");
            }
        }
        finally
        {
            keys.Wipe();
            holder.Clear();
        }

        card.CardNumber = spec.CardNumber;
        return card;
    }

    private static Gender ParseGender(string? text, string where) => (text ?? "unknown").Trim().ToLowerInvariant() switch
    {
        "male" or "m" or "1" => Gender.Male,
        "female" or "f" or "2" => Gender.Female,
        "unknown" or "0" => Gender.Unknown,
        "unspecified" or "9" => Gender.Unspecified,
        _ => throw new InvalidDataException(where + ".gender: male, female, unknown or unspecified."),
    };

    private static byte[] Key32(string hex, string where)
    {
        byte[] key = Hex(hex, where);
        return key.Length == 32 ? key : throw new InvalidDataException(where + ": 32 bytes (64 hex digits) expected, got " + key.Length + " bytes.");
    }

    private static byte[] Hex(string? text, string where)
    {
        string compact = (text ?? "").Replace(" ", "", StringComparison.Ordinal).Replace(":", "", StringComparison.Ordinal);
        try
        {
            return Convert.FromHexString(compact);
        }
        catch (FormatException)
        {
            // Never echo the value: it may be a key.
            throw new InvalidDataException(where + ": not a hex string.");
        }
    }

    private static string DemoKey(string purpose) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("MedCard simulator demo key (public, never use in production): " + purpose)));

    private static string WithCheck(string first17) => first17 + ResidentId.ComputeCheckCharacter(first17 + "0");
}
