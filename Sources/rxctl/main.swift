print("rxctl")
