using System;
using System.Collections.Generic;
using System.Linq;

/// <summary>
/// LINQ pipelines over generated orders: filtering and projection, grouping with aggregates, ordering with
/// a secondary key, distinct sets, joins, dictionaries and lists built from queries. Argument: orders, in thousands.
/// </summary>
static class Program
{
    private sealed class Order
    {
        public int Id;
        public int Customer;
        public int Product;
        public int Quantity;
        public long Cents;
    }

    static int Main()
    {
        int count = BenchArgs.Size(200) * 1000;
        uint seed = 12345;
        var orders = Enumerable.Range(0, count).Select(i =>
        {
            seed = seed * 1664525 + 1013904223;
            return new Order { Id = i, Customer = (int)(seed >> 20) % 5000, Product = (int)(seed >> 8) % 300, Quantity = (int)(seed % 9) + 1, Cents = (seed >> 3) % 10_000 };
        }).ToList();

        long checksum = 0;
        for (int round = 0; round < 5; round++)
        {
            long big = orders.Where(o => o.Quantity > round + 2).Select(o => o.Cents * o.Quantity).Sum();
            var perCustomer = orders.GroupBy(o => o.Customer)
                .Select(g => new { Customer = g.Key, Total = g.Sum(o => o.Cents), Count = g.Count() })
                .OrderByDescending(c => c.Total).ThenBy(c => c.Customer)
                .Take(10).ToList();
            int products = orders.Where(o => o.Id % (round + 2) == 0).Select(o => o.Product).Distinct().Count();
            var byProduct = orders.ToLookup(o => o.Product);
            long joined = Enumerable.Range(0, 300).Join(orders.Where(o => o.Customer < 100), p => p, o => o.Product, (p, o) => (long)p * o.Quantity).Sum();
            var index = orders.Where(o => o.Customer % 50 == round).ToDictionary(o => o.Id, o => o.Cents);
            int any = orders.Any(o => o.Cents == 9_999 - round) ? 1 : 0;
            checksum = checksum * 31 + big + perCustomer.Sum(c => c.Total + c.Customer + c.Count) + products + byProduct[round].Count()
                + joined + index.Count + index.Values.Max() + any + orders.Max(o => o.Cents) + orders.Min(o => o.Customer);
        }
        Console.WriteLine($"checksum {checksum}");
        return 0;
    }
}
