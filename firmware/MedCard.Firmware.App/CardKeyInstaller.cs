using System;
using MedCard.Firmware.Card;
using MedCard.Firmware.Hardware;
using MedCard.Firmware.Reader;

namespace MedCard.Firmware.App
{
    /// <summary>
    /// Installs the card-system keys (sector master key and issuer key, 32 bytes each) that the device maker
    /// places on the I: drive at flashing time, e.g. with <c>nanoff ... --filedeployment deploy.json</c>. The wire
    /// protocol deliberately has no message for these keys. The drop file is consumed once: its bytes are
    /// overwritten with zeros before it is deleted (a plain delete would leave them in flash), and the
    /// in-memory copies are wiped.
    /// </summary>
    public static class CardKeyInstaller
    {
        /// <summary>Name of the one-shot drop file on the I: drive: master key 32 | issuer key 32.</summary>
        public const string DropFileName = "ckeys.in";

        private const int FileLength = CardKeys.KeyLength * 2;

        /// <summary>Outcome of <see cref="InstallIfPresent"/>, safe to print (it carries no key material).</summary>
        public enum Result
        {
            /// <summary>No drop file: nothing to do (the normal boot).</summary>
            NoFile = 0,

            /// <summary>Keys installed and the drop file destroyed.</summary>
            Installed = 1,

            /// <summary>The drop file had the wrong length; it was destroyed without installing anything.</summary>
            Malformed = 2,

            /// <summary>Storing the keys failed; the drop file is kept so the next boot retries.</summary>
            StoreFailed = 3,
        }

        /// <summary>Install the keys from the drop file, if there is one.</summary>
        public static Result InstallIfPresent(IByteStore store, ReaderCore reader)
        {
            if (store == null || reader == null)
            {
                throw new ArgumentNullException("store");
            }

            if (!store.Exists(DropFileName))
            {
                return Result.NoFile;
            }

            byte[] image = new byte[FileLength + 1];
            byte[] master = new byte[CardKeys.KeyLength];
            byte[] issuer = new byte[CardKeys.KeyLength];
            try
            {
                int length = store.Read(DropFileName, image, 0);
                if (length != FileLength)
                {
                    Destroy(store, length < 0 ? 0 : length);
                    return Result.Malformed;
                }

                Array.Copy(image, 0, master, 0, CardKeys.KeyLength);
                Array.Copy(image, CardKeys.KeyLength, issuer, 0, CardKeys.KeyLength);
                if (!reader.InstallCardKeys(master, issuer))
                {
                    return Result.StoreFailed;
                }

                Destroy(store, FileLength);
                return Result.Installed;
            }
            finally
            {
                Array.Clear(image, 0, image.Length);
                Array.Clear(master, 0, master.Length);
                Array.Clear(issuer, 0, issuer.Length);
            }
        }

        private static void Destroy(IByteStore store, int length)
        {
            byte[] zeros = new byte[length > 0 ? length : 1];
            store.Write(DropFileName, zeros, 0, zeros.Length);
            store.Delete(DropFileName);
        }
    }
}
