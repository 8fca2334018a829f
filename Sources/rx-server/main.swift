print("rx-server")
