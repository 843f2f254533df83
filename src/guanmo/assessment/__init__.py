"""Assessment (综合评价、考核): the arithmetic behind the scores that name 先进 and 后进.

Plain functions on exact Decimals, with no database or request inside (issue 13):
`scoring` turns one indicator's values into scores, `weights` sets the indicators' weights
(by hand, equal, entropy, CRITIC), `aggregation` combines them (weighted arithmetic, weighted
geometric, TOPSIS; 加分/扣分 with caps), `results` publishes them (two decimals half-up, ranks
with 并列, classes, change against the previous cycle, points lost), `scheme` holds a scheme
as data and makes one pass over a cycle (and the what-if), `robustness` the seeded Monte Carlo,
Sobol indices (SALib) and whom a bulletin may name first or last.
"""
