using System.Reflection;
using System.Runtime.InteropServices;

// Assembly identity for the nanoFramework build (MedCard.Firmware.Core.nfproj). The SDK .csproj beside it, where there is
// one, generates its own and leaves this file out.
[assembly: AssemblyTitle("MedCard.Firmware.Core")]
[assembly: AssemblyDescription("MedCard reader core: card, keypad, PIN, storage and reader logic")]
[assembly: AssemblyConfiguration("")]
[assembly: AssemblyCompany("")]
[assembly: AssemblyProduct("MedCard.Device")]
[assembly: AssemblyCopyright("MedCard.Device contributors")]
[assembly: AssemblyTrademark("")]
[assembly: AssemblyCulture("")]
[assembly: ComVisible(false)]
[assembly: AssemblyVersion("1.0.0.0")]
[assembly: AssemblyFileVersion("1.0.0.0")]
