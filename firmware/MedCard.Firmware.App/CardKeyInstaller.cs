using MedCard.Firmware.Reader;
using MedCard.Firmware.Storage;

namespace MedCard.Firmware.App
{
    /// <summary>
    /// The app's part of the card-keys drop file: run the core's one-shot installer once at boot, over the I: drive
    /// adapter the reader was built with (<see cref="Adapters.LittleFsByteStore"/>), and name the outcome for the
    /// debug line. Everything else (file format, one-time rule, shredding the file, wiping RAM copies) is portable
    /// and tested in the core: <see cref="CardKeyDropFile"/>. Readers whose host speaks ProvisionCardKeys (0x0A)
    /// need no drop file at all.
    /// </summary>
    public static class CardKeyInstaller
    {
        /// <summary>Name of the one-shot drop file on the I: drive: the key-A master, 32 bytes.</summary>
        public const string DropFileName = CardKeyDropFile.FileName;

        /// <summary>Install the keys from the drop file, if there is one.</summary>
        public static CardKeyDropResult InstallIfPresent(ReaderCore reader)
        {
            return reader.InstallCardKeysFromDropFile();
        }

        /// <summary>A printable name for the outcome (never key material).</summary>
        public static string Describe(CardKeyDropResult result)
        {
            switch (result)
            {
                case CardKeyDropResult.Installed:
                    return "installed";
                case CardKeyDropResult.Malformed:
                    return "malformed, destroyed";
                case CardKeyDropResult.StoreFailed:
                    return "store failed, kept for retry";
                case CardKeyDropResult.AlreadyInstalled:
                    return "reader already has card keys, file destroyed";
                case CardKeyDropResult.InvalidKey:
                    return "invalid key, destroyed";
                case CardKeyDropResult.FileNotErased:
                    return "file not erased, next boot retries";
                default:
                    return "none";
            }
        }
    }
}
