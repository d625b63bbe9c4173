"""The cache shared by every web server and worker: charts drawn once per data change, derived
results (a large Monte Carlo run) computed once, whichever process asks."""
