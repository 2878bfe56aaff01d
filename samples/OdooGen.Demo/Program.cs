Console.WriteLine("OdooGen demo (being built)");
