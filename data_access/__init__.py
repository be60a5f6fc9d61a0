"""data_access"""
