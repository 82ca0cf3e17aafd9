using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MedCard.Simulator.Card
{
    /// <summary>
    /// One simulated insurance card: what the issuer personalises onto it. Loaded from a JSON file:
    /// <c>[{"uid":"04A1B2C3","residentId":"11010519491231002X","name":"张三","gender":"Male","cardNumber":"SZ0012345678"}]</c>.
    /// </summary>
    public sealed record CardDefinition
    {
        /// <summary>UID as hex, 4, 7 or 10 bytes.</summary>
        public required string Uid { get; init; }

        public required string ResidentId { get; init; }

        public required string Name { get; init; }

        public MedCard.Protocol.Gender Gender { get; init; } = MedCard.Protocol.Gender.Unknown;

        public required string CardNumber { get; init; }

        /// <summary>A blank card (never personalised): the reader reports HolderDataStatus.Blank.</summary>
        public bool Blank { get; init; }

        public byte[] UidBytes() => Convert.FromHexString(Uid);

        private static readonly JsonSerializerOptions Json = new JsonSerializerOptions
        {
            PropertyNameCaseInsensitive = true,
            Converters = { new JsonStringEnumConverter() },
        };

        public static CardDefinition[] LoadFile(string path) =>
            JsonSerializer.Deserialize<CardDefinition[]>(File.ReadAllText(path), Json)
            ?? throw new InvalidDataException(path + " holds no card list.");
    }
}
