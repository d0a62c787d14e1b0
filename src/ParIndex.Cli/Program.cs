using System.Text;
using ParIndex.Cli;

Console.OutputEncoding = Encoding.UTF8;
// Ctrl-C or SIGTERM while an --out file is being written: delete the temporary file, keep the old
// one, restore the terminal; the first Ctrl-C lets the command stop by itself (exit 130).
Interrupts.Install();
return Cli.RunWith(args, Console.Out, Console.Error, Terminal.DetectConsole());
